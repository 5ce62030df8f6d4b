// The PDF converter for Azure, where the Functions plan cannot run LibreOffice: Gotenberg (the open-source
// LibreOffice-based conversion service) as a Container App in an internal Container Apps environment (no public
// address), in a virtual network the function app joins. The app reaches it at the URL this module outputs
// (app setting Cdppe__Pdf__GotenbergUrl).

param environmentName string

param appName string

param vnetName string

param location string

param tags object

param logAnalyticsName string

@description('Gotenberg image (pinned: a new version is a deliberate change).')
param image string = 'gotenberg/gotenberg:8.17.3'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsName
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: vnetName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.40.0.0/16'
      ]
    }
    subnets: [
      {
        // The Container Apps environment (workload profiles: a /27 at least, delegated).
        name: 'converter'
        properties: {
          addressPrefix: '10.40.0.0/23'
          delegations: [
            {
              name: 'containerapps'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        // The function app's outbound integration (Flex Consumption delegates it to Microsoft.App/environments too).
        name: 'functions'
        properties: {
          addressPrefix: '10.40.2.0/24'
          delegations: [
            {
              name: 'flex'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
    ]
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    vnetConfiguration: {
      internal: true
      infrastructureSubnetId: vnet.properties.subnets[0].id
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
  }
}

resource gotenberg 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  tags: tags
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      // Internal environment: the ingress answers inside the virtual network only.
      ingress: {
        external: true
        targetPort: 3000
        transport: 'http'
        allowInsecure: true
      }
    }
    template: {
      containers: [
        {
          name: 'gotenberg'
          image: image
          // Conversions stop after 120 s on the service's side too, as on the app's.
          args: [
            'gotenberg'
            '--api-timeout=120s'
            '--libreoffice-restart-after=10'
          ]
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          probes: [
            {
              type: 'Liveness'
              httpGet: {
                path: '/health'
                port: 3000
              }
            }
          ]
        }
      ]
      scale: {
        minReplicas: 0
        maxReplicas: 2
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: '2'
              }
            }
          }
        ]
      }
    }
  }
}

// The internal environment's names resolve in the virtual network through a private zone (a module: the zone is
// named after the environment's domain, known once the environment exists).
module dns 'pdf-converter-dns.bicep' = {
  name: 'pdf-converter-dns'
  params: {
    // The environment's domain exists only once it does: What-If cannot predict the zone.
    #disable-next-line what-if-short-circuiting
    domain: environment.properties.defaultDomain
    staticIp: environment.properties.staticIp
    vnetId: vnet.id
    tags: tags
  }
}

@description('The URL the function app converts at (app setting Cdppe__Pdf__GotenbergUrl).')
output url string = 'http://${gotenberg.properties.configuration.ingress.fqdn}'

@description('The subnet the function app joins.')
output functionsSubnetId string = vnet.properties.subnets[1].id
