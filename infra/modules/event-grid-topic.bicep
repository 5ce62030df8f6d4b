// The Event Grid system topic of the storage account: Blob Storage publishes its events there. The subscription
// that drives the IngestWorkbook blob trigger is in blob-events.bicep (it needs the deployed app's key).

param name string

param location string

param tags object

param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
