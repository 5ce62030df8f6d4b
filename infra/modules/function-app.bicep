// The Function App on the Flex Consumption plan, running Cdppe.Functions on the .NET isolated worker (the output
// of `dotnet publish -c Release functions/Cdppe.Functions`). Storage is reached with the app's system-assigned
// identity: no connection string, no account key.

param planName string

param appName string

param location string

param tags object

@description('Name of the storage account of the storage contract (also AzureWebJobsStorage and the package store).')
param storageAccountName string

@description('Container, in that account, that receives the deployment package.')
param deploymentContainerName string

param applicationInsightsConnectionString string

@description('Six-field cron expression of the consolidation timer (UTC on Flex Consumption).')
param consolidationSchedule string

@description('Memory of each instance.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Upper bound of instances the plan may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Instances kept warm for HTTP functions (0 = pure pay-per-use, cold starts possible).')
@minValue(0)
@maxValue(20)
param alwaysReadyHttpInstances int

@description('Sign-in to the portal with Entra ID (portal-auth.bicep): the app then reads the platform\'s principal header.')
param portalSignIn bool = false

@description('URL of the PDF converter (Gotenberg), empty without one: the app answers 501 to a PDF request.')
param pdfConverterUrl string = ''

@description('Subnet the app joins to reach the PDF converter, empty without one.')
param virtualNetworkSubnetId string = ''

@secure()
@description('Client secret of the portal\'s Entra ID app registration (empty without sign-in).')
param portalClientSecret string = ''

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  // azd finds the app to deploy to by this tag.
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyHttpInstances > 0 ? [
          {
            name: 'http'
            instanceCount: alwaysReadyHttpInstances
          }
        ] : []
      }
      // On Flex Consumption the runtime is declared here, not with the FUNCTIONS_WORKER_RUNTIME app setting
      // (which the plan rejects): the .NET isolated worker on .NET 10.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      // Identity-based AzureWebJobsStorage: read by the Functions host (blob trigger, timer, keys) and by the
      // app itself (CdppeStorage.FromConfiguration), the same connection name as UseDevelopmentStorage=true locally.
      AzureWebJobsStorage__accountName: storage.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
      CONSOLIDATION_SCHEDULE: consolidationSchedule
      // The portal's pages are at the root: the Functions host's own home page steps aside.
      AzureWebJobsDisableHomepage: 'true'
      Cdppe__Portal__PlatformAuthentication: string(portalSignIn)
      MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: portalClientSecret
      Cdppe__Pdf__GotenbergUrl: pdfConverterUrl
    }
  }
}

// Deployments go through Entra ID (azd, Core Tools, az functionapp deployment): no FTP or basic-auth SCM.
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = app.name
output id string = app.id
output defaultHostName string = app.properties.defaultHostName
output principalId string = app.identity.principalId
