// Optional, for a national deployment: who may drop workbooks for which département. Each entry gets Storage
// Blob Data Contributor on the uploads container only, with a condition (Azure ABAC) that limits reads, writes
// and deletes to blobs under {departement}/ and listings to that prefix. Nothing else of the account is reachable.

param storageAccountName string

@description('Entries { departement: \'77\', principalId: \'<object id>\', principalType: \'Group\' | \'User\' | \'ServicePrincipal\' }.')
param uploaders object[]

var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var blobAction = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource uploads 'containers' existing = {
      name: 'uploads'
    }
  }
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for uploader in uploaders: {
    name: guid(storage::blobService::uploads.id, uploader.principalId, storageBlobDataContributor, uploader.departement)
    scope: storage::blobService::uploads
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
      principalId: uploader.principalId
      principalType: uploader.principalType
      description: 'Cdppe: drops workbooks for département ${uploader.departement}'
      conditionVersion: '2.0'
      condition: '((!(ActionMatches{\'${blobAction}/read\'} AND NOT SubOperationMatches{\'Blob.List\'}) AND !(ActionMatches{\'${blobAction}/write\'}) AND !(ActionMatches{\'${blobAction}/add/action\'}) AND !(ActionMatches{\'${blobAction}/delete\'})) OR (@Resource[${blobAction}:path] StringStartsWith \'${uploader.departement}/\')) AND ((!(ActionMatches{\'${blobAction}/read\'} AND SubOperationMatches{\'Blob.List\'})) OR (@Request[${blobAction}:prefix] StringStartsWith \'${uploader.departement}/\'))'
    }
  }
]
