"""Beside the build: `portal fetch-partners` reads the partner portals' feeds into the committed
snapshot (``content/_registry/partners.snapshot.json``) that the build shows.

``fetch`` (one guarded HTTP request: http(s) only, public addresses only, time, size and redirect
caps, conditional), ``items`` (a feed's bytes → plain, sanitised, cut items) and ``refresh`` (the
snapshot updated partner by partner: new items, flood protection, health)."""
