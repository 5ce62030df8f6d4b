// Sign-in to the portal in Azure: App Service Authentication (Easy Auth) with Microsoft Entra ID, in front of
// the Function App. People sign in with their work account; the app reads the X-MS-CLIENT-PRINCIPAL header that
// the platform then sets (app setting Cdppe__Portal__PlatformAuthentication=true) and takes the scope from the
// app roles of the app registration: National (State services, every département) or Departement.{code}.
// Anonymous requests are let through to the app: scripts keep calling /api/* with function keys (checked by the
// Functions host), and the portal's pages and calls send people to /.auth/login/aad themselves.
//
// The app registration itself (its app roles, listed in the appRoles output for `az ad app update --app-roles`)
// is created once by the tenant's administrator: see docs/portal.md.

@description('Name of the Function App that serves the portal.')
param functionAppName string

@description('Application (client) id of the Entra ID app registration people sign in to.')
param clientId string

@description('Tenant whose accounts may sign in.')
param tenantId string = tenant().tenantId

@description('Départements of the deployment: one app role Departement.{code} each.')
param departements string[]

// The app setting that holds the app registration's client secret (its value is set after deployment, never here).
var credentialSettingName = 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
      excludedPaths: [
        '/api/health'
      ]
    }
    httpSettings: {
      requireHttps: true
      routes: {
        apiPrefix: '/.auth'
      }
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
          clientId: clientId
          clientSecretSettingName: credentialSettingName
        }
        login: {
          disableWWWAuthenticate: false
        }
        validation: {
          allowedAudiences: [
            'api://${clientId}'
            clientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
      preserveUrlFragmentsForLogins: true
      cookieExpiration: {
        convention: 'FixedTime'
        timeToExpiration: '08:00:00'
      }
    }
  }
}

@description('The app roles to set on the app registration (az ad app update --id {clientId} --app-roles @roles.json).')
output appRoles object[] = concat(
  [
    {
      allowedMemberTypes: ['User']
      description: 'Services de l\'État : suivi de tous les départements.'
      displayName: 'National'
      id: guid(clientId, 'National')
      isEnabled: true
      value: 'National'
    }
  ],
  map(departements, code => {
    allowedMemberTypes: ['User']
    description: 'Agents du département ${code} : dépôts, indicateurs et rapport du département.'
    displayName: 'Département ${code}'
    id: guid(clientId, 'Departement', code)
    isEnabled: true
    value: 'Departement.${code}'
  })
)
