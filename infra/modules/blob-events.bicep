// The Event Grid subscription that drives the IngestWorkbook blob trigger ("source": "EventGrid", the only blob
// trigger source on Flex Consumption): every blob created under uploads/ is posted to the blobs extension
// webhook of the Functions host, authenticated with its blobs_extension system key.
//
// That key exists only once the app's code is deployed and the host has started with the blob trigger, and Event
// Grid validates the endpoint when the subscription is created: deploy this module after the code (azd runs it
// from the postdeploy hook; main.bicep runs it when subscribeBlobEvents is true).

param systemTopicName string

param functionAppName string

@description('Function that carries the blob trigger (its folder name in the package).')
param functionName string = 'IngestWorkbook'

@description('Container watched by the trigger.')
param containerName string = 'uploads'

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

// The host keys are not a resource type of their own: list them through the host's resource id.
var blobsExtensionKey = listKeys('${functionApp.id}/host/default', '2024-04-01').systemKeys.blobs_extension

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'ingest-workbook'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/blobs/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output name string = subscription.name
