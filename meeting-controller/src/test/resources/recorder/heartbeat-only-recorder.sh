#!/bin/sh
# A recorder that speaks only the heartbeat protocol (it joins no call and records nothing), for
# the controller's lifecycle tests. A meeting URL containing "silent" makes it never send one.
case "$AIGENDA_MEETING_URL" in
*silent*) while true; do sleep 1; done ;;
esac
beat() {
	curl -s -X POST -H "Authorization: Bearer $AIGENDA_RECORDER_TOKEN" -H 'Content-Type: application/json' \
		-d "$1" "$AIGENDA_CONTROLLER_URL/api/v1/recorder/heartbeat"
}
while true; do
	answer=$(beat '{"phase":"recording"}')
	case "$answer" in
	*'"leave":true'*)
		beat '{"phase":"ended","detail":"asked to leave"}'
		exit 0 ;;
	esac
	sleep 0.3
done
