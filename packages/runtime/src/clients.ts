import { DocumentClient } from '@ey/dynamodb/client'
import type { CoreConfig } from './config.ts'

/** The clients every function shares: the table's document client. */
export interface CoreClients {
  doc: DocumentClient
}

/** The shared clients for this configuration (DynamoDB Local's endpoint when it names one). */
export function coreClients(config: Pick<CoreConfig, 'dynamodbEndpoint'>): CoreClients {
  const endpoint = config.dynamodbEndpoint
  return { doc: new DocumentClient(endpoint ? { endpoint } : {}) }
}
