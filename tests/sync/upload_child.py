"""Child process for the SIGKILL test: upload one envelope, remember the URL, print the result.

argv: base_url access_token receipt_key_b64 envelope_path packet_id url_file bandwidth_bps
      may_exist(0/1) create_with_upload(0/1)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.packets.keys import VerifyKey
from sync.client.http import CentreClient
from sync.client.tus import TusUploader, UploadSettings


def main() -> None:
    url, token, key, env_path, packet_id, url_file, bps, may_exist, with_body = sys.argv[1:10]
    saved = Path(url_file)
    known = saved.read_text() if saved.exists() and saved.read_text() else None
    with CentreClient(url, token) as client:
        up = TusUploader(client, VerifyKey.from_b64(key),
                         UploadSettings(bandwidth_bps=int(bps) or None, piece=4096,
                                        create_with_upload=with_body == "1"))
        res = up.upload(Path(env_path).read_bytes(), packet_id, upload_url=known,
                        may_exist=may_exist == "1", on_created=saved.write_text)
    print(json.dumps({"sent": res.bytes_sent, "held": res.already_held,
                      "sha": res.receipt.envelope_sha256}))


if __name__ == "__main__":
    main()
