// The one storage account of the design: containers and tables of the storage contract, reached only with
// Microsoft Entra ID (no account key), blob versioning and soft delete, WORM retention policies on archive and
// packages, a CanNotDelete lock on the account and the table service's writes and deletes logged (the journal's trail).

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

@description('Days every transmitted package in packages stays immutable (time-based WORM retention, created unlocked).')
@minValue(1)
@maxValue(146000)
param packagesRetentionDays int

@description('Put a CanNotDelete lock on the account: neither it nor its containers and tables can be deleted through Azure Resource Manager until the lock is removed.')
param lockAccount bool

@description('Resource id of the Log Analytics workspace that receives the table service\'s write and delete logs (the trail of every change to a table, Journal included).')
param auditWorkspaceId string

var archiveContainerName = 'archive'
var packagesContainerName = 'packages'
var otherContainerNames = filter(concat(containerNames, [deploymentContainerName]), c => c != archiveContainerName && c != packagesContainerName)

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

resource packages 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = if (contains(containerNames, packagesContainerName)) {
  parent: blobService
  name: packagesContainerName
  properties: {
    publicAccess: 'None'
  }
}

// A package transmitted to the State is written once (If-None-Match: *) and must stay downloadable byte for byte:
// the same time-based retention as archive, created unlocked (lock it as archive's, see docs/deploy.md).
resource packagesRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = if (contains(containerNames, packagesContainerName)) {
  parent: packages
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: packagesRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

// Tables have no versioning, soft delete or point-in-time restore: every write and delete on them (the journal's
// included, by whom: the identity or the key) is logged to Log Analytics, for the workspace's retention.
resource tableAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'table-writes-and-deletes'
  scope: tableService
  properties: {
    workspaceId: auditWorkspaceId
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

// The account holds the raw workbooks, the transmitted packages and the journal: it cannot be deleted by mistake.
// A management lock does not stop data-plane writes or deletes (docs/deploy.md, what the journal's protection covers).
resource accountLock 'Microsoft.Authorization/locks@2020-05-01' = if (lockAccount) {
  name: 'cdppe-storage-no-delete'
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'Raw workbooks, transmitted packages and the campaign journal of Cdppe. Remove this lock before deleting the account on purpose.'
  }
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
