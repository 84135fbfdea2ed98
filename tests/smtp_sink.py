"""A real SMTP server for tests (aiosmtpd): it records what it accepts, and can be slow or refuse recipients."""
from __future__ import annotations

import email
import socket
import threading
import time
from contextlib import closing
from email import policy

from aiosmtpd.controller import Controller


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Sink:
    def __init__(self, delay: float = 0.0, refuse: tuple[str, ...] = ()) -> None:
        self.delay, self.refuse = delay, refuse
        self.messages: list[email.message.EmailMessage] = []
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd API)
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd API)
        if self.delay:
            time.sleep(self.delay)  # a slow server: the sender is mid-mailing for a while
        with self.lock:
            self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def by_recipient(self) -> dict[str, set[str]]:
        """Message-IDs received per recipient (a resent mail keeps its Message-ID)."""
        found: dict[str, set[str]] = {}
        with self.lock:
            for message in self.messages:
                found.setdefault(message["To"], set()).add(message["Message-ID"])
        return found


def start_sink(port: int | None = None, **options) -> tuple[Controller, Sink]:
    sink = Sink(**options)
    controller = Controller(sink, hostname="127.0.0.1", port=port or free_port())
    controller.start()
    return controller, sink
