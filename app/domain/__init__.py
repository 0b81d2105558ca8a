"""The enrollment record, its rules and state machine (stdlib only; shared with the centre)."""
