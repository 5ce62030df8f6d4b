// Cdppe on Azure: one storage account (the storage contract), one Function App on the Flex Consumption plan
// running the .NET isolated worker, Application Insights + Log Analytics, and the Event Grid wiring of the blob trigger.
// Deploy with `azd up` (azure.yaml) or `az deployment group create` (docs/deploy.md).

targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('Name of the environment (for example cdppe-77 or cdppe-national): seeds the resource names and tags every resource.')
param environmentName string

@description('Region of every resource; it must offer the Flex Consumption plan (francecentral does).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string = resourceGroup().location

@description('INSEE codes of the départements served: one for a département, several (up to 101) for a national deployment of one app.')
@minLength(1)
param departements string[] = [
  '77'
]

@description('Optional: principals allowed to drop workbooks, each for one département: [{ departement: \'77\', principalId: \'<object id>\', principalType: \'Group\' }]. Each gets write access to uploads/{departement}/ only.')
param uploaders object[] = []

@description('Six-field cron expression of the ConsolidateMonthly timer. Flex Consumption evaluates it in UTC.')
param consolidationSchedule string = '0 0 3 * * *'

@description('Redundancy of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_ZRS'

@description('Days deleted blobs, blob versions and containers stay restorable.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int = 30

@description('Days each raw workbook in archive stays immutable (WORM, created unlocked).')
@minValue(1)
@maxValue(146000)
param archiveRetentionDays int = 3650

@description('Memory of each Function App instance.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound of instances (raise it for a national deployment).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready instances for HTTP functions: 0 keeps the app pay-per-use, 1 removes cold starts for a national deployment.')
@minValue(0)
@maxValue(20)
param alwaysReadyHttpInstances int = 0

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Daily cap on log ingestion in GB (-1 for none).')
param logDailyQuotaGb int = 1

@description('Create the Event Grid subscription of the blob trigger. It needs the deployed code (its system key): leave false on the first provisioning, then true (the azd postdeploy hook does it).')
param subscribeBlobEvents bool = false

@description('Deploy the PDF converter (Gotenberg in an internal Container Apps environment, the app joined to its virtual network): the report as PDF in Azure.')
param deployPdfConverter bool = false

@description('Application (client) id of the Entra ID app registration people sign in to the portal with (app roles National and Departement.{code}, see docs/portal.md). Empty: no sign-in for people, the API with function keys only.')
param portalClientId string = ''

@secure()
@description('Client secret of that app registration (App Service Authentication reads it from the app setting MICROSOFT_PROVIDER_AUTHENTICATION_SECRET).')
param portalClientSecret string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'cdppe'
  departements: join(departements, ' ')
}

// The storage contract, the same names as ContainerNames and TableNames in functions/Cdppe.Pipeline/Storage.
var containerNames = [
  'uploads'
  'archive'
  'rejected'
  'ingestion-reports'
  'templates'
  'reports'
  'locks'
  'report-texts'
  'report-versions'
  'packages'
]
var tableNames = [
  'Ingestions'
  'BudgetLines'
  'IndicatorValues'
  'Snapshots'
  'SnapshotRevisions'
  'ConsolidationRuns'
  'BlobReceipts'
  'Fiches'
  'IndicatorSources'
  'PlannedFunding'
  'Objectives'
  'Contracts'
  'PortalSessions'
  'ReportTexts'
  'ReportVersions'
  'Campaigns'
  'Journal'
  'Notifications'
  'DepartementSummaries'
]

// Names are computed here, from parameters only, so that every module gets deploy-time constants (precise What-If).
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'
var systemTopicName = '${abbrs.eventGridSystemTopics}${resourceToken}'

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: tags
    skuName: storageSkuName
    containerNames: containerNames
    deploymentContainerName: deploymentContainerName
    tableNames: tableNames
    softDeleteRetentionDays: softDeleteRetentionDays
    archiveRetentionDays: archiveRetentionDays
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    dailyQuotaGb: logDailyQuotaGb
  }
}

module pdfConverter 'modules/pdf-converter.bicep' = if (deployPdfConverter) {
  name: 'pdf-converter'
  params: {
    environmentName: '${abbrs.appManagedEnvironments}${resourceToken}'
    appName: 'ca-pdf-${resourceToken}'
    vnetName: '${abbrs.networkVirtualNetworks}${resourceToken}'
    location: location
    tags: tags
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  }
  dependsOn: [
    monitoring
  ]
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    planName: '${abbrs.webServerFarms}${resourceToken}'
    appName: functionAppName
    location: location
    tags: tags
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    consolidationSchedule: consolidationSchedule
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    portalSignIn: !empty(portalClientId)
    portalClientSecret: portalClientSecret
    pdfConverterUrl: deployPdfConverter ? pdfConverter!.outputs.url : ''
    virtualNetworkSubnetId: deployPdfConverter ? pdfConverter!.outputs.functionsSubnetId : ''
  }
  dependsOn: [
    storage
  ]
}

module appRoles 'modules/app-roles.bicep' = {
  name: 'app-roles'
  params: {
    storageAccountName: storageAccountName
    applicationInsightsName: applicationInsightsName
    // The system-assigned identity exists only once the app does: What-If cannot predict these assignments.
    #disable-next-line what-if-short-circuiting
    principalId: functionApp.outputs.principalId
  }
  dependsOn: [
    storage
  ]
}

module uploaderRoles 'modules/uploaders.bicep' = if (!empty(uploaders)) {
  name: 'uploader-roles'
  params: {
    storageAccountName: storageAccountName
    uploaders: uploaders
  }
  dependsOn: [
    storage
  ]
}

module eventGridTopic 'modules/event-grid-topic.bicep' = {
  name: 'event-grid-topic'
  params: {
    name: systemTopicName
    location: location
    tags: tags
    storageAccountName: storageAccountName
  }
  dependsOn: [
    storage
  ]
}

module blobEvents 'modules/blob-events.bicep' = if (subscribeBlobEvents) {
  name: 'blob-events'
  params: {
    systemTopicName: systemTopicName
    functionAppName: functionAppName
  }
  dependsOn: [
    eventGridTopic
    functionApp
    appRoles
  ]
}

// Sign-in to the portal with Microsoft Entra ID (App Service Authentication), when an app registration is given.
module portalAuth 'modules/portal-auth.bicep' = if (!empty(portalClientId)) {
  name: 'portal-auth'
  params: {
    functionAppName: functionAppName
    clientId: portalClientId
    departements: departements
  }
  dependsOn: [
    functionApp
  ]
}

output AZURE_LOCATION string = location
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output CDPPE_API_URL string = 'https://${functionApp.outputs.defaultHostName}/api'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGridTopic.outputs.name
output CDPPE_UPLOAD_URLS string[] = [for departement in departements: '${storage.outputs.blobEndpoint}uploads/${departement}/']
output CDPPE_PORTAL_URL string = 'https://${functionApp.outputs.defaultHostName}/'
output CDPPE_PORTAL_APP_ROLES object[] = portalAuth.?outputs.appRoles ?? []
