// The one storage account of the design: containers and tables of the storage contract, reached only with
// Microsoft Entra ID (no account key), blob versioning and soft delete, and a WORM retention policy on archive.

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

param location string

param tags object

@description('Redundancy. Standard_ZRS keeps the data through the loss of one zone; Standard_LRS is cheapest.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param skuName string

@description('Containers of the storage contract, archive included (it gets the retention policy).')
param containerNames string[]

@description('Extra container where the Flex Consumption plan keeps the deployment package.')
param deploymentContainerName string

@description('Tables of the storage contract.')
param tableNames string[]

@description('Days a deleted blob, blob version or container can still be restored.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int

@description('Days every raw workbook in archive stays immutable (time-based WORM retention, created unlocked).')
@minValue(1)
@maxValue(146000)
param archiveRetentionDays int

var archiveContainerName = 'archive'
var otherContainerNames = filter(concat(containerNames, [deploymentContainerName]), c => c != archiveContainerName)

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // Event Grid and the Functions platform reach the account as trusted Azure services.
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for containerName in otherContainerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource archive 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = if (contains(containerNames, archiveContainerName)) {
  parent: blobService
  name: archiveContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Raw workbooks are written once (keyed by their SHA-256, with If-None-Match: *) and never rewritten: a
// time-based retention policy makes that a guarantee. It is created unlocked; lock it once the retention
// period is agreed (locking cannot be undone, see docs/deploy.md).
resource archiveRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = if (contains(containerNames, archiveContainerName)) {
  parent: archive
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: archiveRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
