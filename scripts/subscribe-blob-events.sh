#!/usr/bin/env bash
# Creates (or updates) the Event Grid subscription that drives the IngestWorkbook blob trigger: infra/modules/
# blob-events.bicep. It needs the code deployed and the Functions host started (the webhook key exists only then,
# and Event Grid validates the endpoint when the subscription is created), so it runs after the deployment:
# azd's postdeploy hook, or by hand with the three variables below.
#
#   AZURE_RESOURCE_GROUP=... AZURE_FUNCTION_APP_NAME=... EVENT_GRID_SYSTEM_TOPIC_NAME=... scripts/subscribe-blob-events.sh
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP}"
: "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME}"
: "${EVENT_GRID_SYSTEM_TOPIC_NAME:?set EVENT_GRID_SYSTEM_TOPIC_NAME}"

host_name="$(az functionapp show -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" --query defaultHostName -o tsv)"

# Start the host (first request after a deployment) so that it loads the blob trigger and creates its key.
for attempt in 1 2 3 4 5 6; do
  status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 "https://$host_name/api/health" || true)"
  echo "health: HTTP $status"
  [[ "$status" == "200" ]] && break
  sleep 10
done

for attempt in 1 2 3; do
  if az deployment group create \
      --resource-group "$AZURE_RESOURCE_GROUP" \
      --name cdppe-blob-events \
      --template-file "$repo/infra/modules/blob-events.bicep" \
      --parameters systemTopicName="$EVENT_GRID_SYSTEM_TOPIC_NAME" functionAppName="$AZURE_FUNCTION_APP_NAME" \
      --output none; then
    echo "Event Grid subscription ingest-workbook is in place: uploads/ now triggers IngestWorkbook."
    exit 0
  fi
  echo "attempt $attempt failed (the host may still be starting); retrying in 30 s" >&2
  sleep 30
done

echo "Could not create the Event Grid subscription; run scripts/subscribe-blob-events.sh again once the app answers." >&2
exit 1
