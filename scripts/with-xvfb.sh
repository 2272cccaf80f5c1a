#!/usr/bin/env bash
# Runs a command inside a private virtual X server and exits with the command's status.
# (xvfb-run -a races when two start at once: both can pick the same free display. Here each
# run picks a display from its PID, waits for the server's socket, and tries another display if
# the server does not come up.)
set -u
for attempt in 0 1 2 3 4; do
  display=$(( 200 + ($$ + attempt * 379) % 700 ))
  [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]] && continue
  Xvfb ":$display" -screen 0 1024x768x24 -nolisten tcp >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 1 100); do
    [[ -S /tmp/.X11-unix/X$display ]] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.05
  done
  if [[ -S /tmp/.X11-unix/X$display ]] && kill -0 "$server" 2>/dev/null; then
    DISPLAY=":$display" "$@"
    status=$?
    kill "$server" 2>/dev/null
    wait "$server" 2>/dev/null
    exit "$status"
  fi
  kill "$server" 2>/dev/null
  wait "$server" 2>/dev/null
done
echo "with-xvfb: could not start a virtual X server (is the xvfb package installed?)" >&2
exit 1
