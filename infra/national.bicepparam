// A national deployment: one app and one storage account for every département, with warm capacity and a
// drop permission per département. Copy it, put your principals' object ids, then:
//   az deployment group create -g <resource-group> -f infra/main.bicep -p infra/national.bicepparam
using 'main.bicep'

param environmentName = 'cdppe-national'
param location = 'francecentral'

// INSEE codes: the 96 départements of metropolitan France (2A and 2B for Corsica) and the 5 overseas ones.
param departements = [
  '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19'
  '2A', '2B', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '32', '33', '34', '35', '36', '37'
  '38', '39', '40', '41', '42', '43', '44', '45', '46', '47', '48', '49', '50', '51', '52', '53', '54', '55', '56'
  '57', '58', '59', '60', '61', '62', '63', '64', '65', '66', '67', '68', '69', '70', '71', '72', '73', '74', '75'
  '76', '77', '78', '79', '80', '81', '82', '83', '84', '85', '86', '87', '88', '89', '90', '91', '92', '93', '94'
  '95', '971', '972', '973', '974', '976'
]

// One entry per team that drops files, e.g. an Entra ID group per département.
param uploaders = [
  {
    departement: '77'
    principalId: '00000000-0000-0000-0000-000000000000'
    principalType: 'Group'
  }
]

param storageSkuName = 'Standard_GZRS'
param instanceMemoryMB = 4096
param maximumInstanceCount = 100
param alwaysReadyHttpInstances = 1
param logDailyQuotaGb = 5
// false for the first deployment (the code is not there yet); true once it is, or run scripts/subscribe-blob-events.sh.
param subscribeBlobEvents = false
