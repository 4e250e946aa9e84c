// One PostgreSQL cluster per authority (and one national) run by CloudNativePG, each archiving its WAL and
// base backups to an object store through the Barman Cloud plugin, with a daily ScheduledBackup.
// The objects are typed here by hand (no typed model is published for these CRDs); the tests check them
// against the CRDs' own schemas, vendored in schemas/.
import { ANONYMISED_READER_ROLE, BARMAN_PLUGIN, anonymisedReaderSecretName, objectStoreName } from './names.ts';
import { labelsOf } from './pods.ts';
import type { DatabaseSize, DeploymentSettings, Recovery } from './settings.ts';

interface Metadata {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
}

export interface ManagedRole {
  readonly name: string;
  readonly ensure: 'present';
  readonly login: boolean;
  readonly superuser: boolean;
  readonly createdb: boolean;
  readonly createrole: boolean;
  readonly inherit: boolean;
  readonly replication: boolean;
  readonly passwordSecret: { readonly name: string };
}

export interface PostgresCluster {
  readonly apiVersion: 'postgresql.cnpg.io/v1';
  readonly kind: 'Cluster';
  readonly metadata: Metadata;
  readonly spec: {
    readonly instances: number;
    readonly imageName: string;
    readonly primaryUpdateStrategy: 'unsupervised';
    readonly storage: { readonly size: string };
    readonly resources: { readonly requests: Record<string, string>; readonly limits: Record<string, string> };
    readonly bootstrap:
      | { readonly initdb: { readonly database: string; readonly owner: string; readonly postInitApplicationSQL?: readonly string[] } }
      | {
          readonly recovery: {
            readonly source: string;
            readonly database: string;
            readonly owner: string;
            readonly recoveryTarget?: { readonly targetTime: string };
          };
        };
    readonly externalClusters?: readonly { readonly name: string; readonly plugin: { readonly name: string; readonly parameters: Record<string, string> } }[];
    readonly managed?: { readonly roles: readonly ManagedRole[] };
    readonly plugins: readonly { readonly name: string; readonly isWALArchiver: boolean; readonly parameters: Record<string, string> }[];
  };
}

export interface ObjectStore {
  readonly apiVersion: 'barmancloud.cnpg.io/v1';
  readonly kind: 'ObjectStore';
  readonly metadata: Metadata;
  readonly spec: {
    readonly retentionPolicy: string;
    readonly configuration: {
      readonly destinationPath: string;
      readonly endpointURL?: string;
      readonly s3Credentials: {
        readonly accessKeyId: { readonly name: string; readonly key: string };
        readonly secretAccessKey: { readonly name: string; readonly key: string };
      };
      readonly wal: { readonly compression: 'gzip' };
      readonly data: { readonly compression: 'gzip' };
    };
  };
}

export interface ScheduledBackup {
  readonly apiVersion: 'postgresql.cnpg.io/v1';
  readonly kind: 'ScheduledBackup';
  readonly metadata: Metadata;
  readonly spec: {
    readonly schedule: string;
    readonly immediate: boolean;
    readonly backupOwnerReference: 'self';
    readonly cluster: { readonly name: string };
    readonly method: 'plugin';
    readonly pluginConfiguration: { readonly name: string };
  };
}

export type DatabaseObject = PostgresCluster | ObjectStore | ScheduledBackup;

/** The owner CloudNativePG creates with the database; the service connects as it and so owns what it migrates. */
export const DATABASE_OWNER = 'app';

/**
 * Run once, as the superuser, when the cluster is created. The anonymised reader may use the `anonymised`
 * schema, and by default privilege may read every view the owner creates in it: the migrations drop and
 * re-create those views, and each new one is readable by this role without a grant after the migration
 * (what `npm start` does with grantAnonymisedReader at every start). It gets nothing on any other schema.
 * CloudNativePG's managed role then gives it LOGIN and the password from its Secret.
 */
export function anonymisedReaderSql(owner: string, reader: string): string[] {
  return [
    `CREATE ROLE ${reader} NOLOGIN NOINHERIT`,
    `CREATE SCHEMA IF NOT EXISTS anonymised AUTHORIZATION ${owner}`,
    `GRANT USAGE ON SCHEMA anonymised TO ${reader}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA anonymised GRANT SELECT ON TABLES TO ${reader}`,
  ];
}

/** Labelled as the cluster, never as its service: a policy that selects the service's pods must not select these. */
function metadata(settings: DeploymentSettings, name: string, cluster: string): Metadata {
  return { name, namespace: settings.namespace, labels: labelsOf(cluster) };
}

export interface DatabaseOptions {
  /** The cluster's name (authority-w06000015-db). */
  readonly cluster: string;
  readonly size: DatabaseSize;
  /** The authority whose anonymised views benchmarks reads; absent for the national database. */
  readonly anonymisedReaderOf?: string;
  /** Bootstrap from the backups rather than empty. */
  readonly recovery?: Recovery;
}

const RECOVERY_SOURCE = 'backups';

/**
 * Empty: initdb (and, for an authority, the anonymised reader's SQL). From backups: the roles, schema and
 * privileges come back with the data, so only the source is named.
 */
function bootstrap(options: DatabaseOptions, store: string): Pick<PostgresCluster['spec'], 'bootstrap' | 'externalClusters'> {
  const { recovery, anonymisedReaderOf: reader } = options;
  if (!recovery)
    return {
      bootstrap: {
        initdb: {
          database: 'app',
          owner: DATABASE_OWNER,
          ...(reader ? { postInitApplicationSQL: anonymisedReaderSql(DATABASE_OWNER, ANONYMISED_READER_ROLE) } : {}),
        },
      },
    };
  return {
    bootstrap: {
      recovery: {
        source: RECOVERY_SOURCE,
        database: 'app',
        owner: DATABASE_OWNER,
        ...(recovery.targetTime ? { recoveryTarget: { targetTime: recovery.targetTime } } : {}),
      },
    },
    externalClusters: [
      { name: RECOVERY_SOURCE, plugin: { name: BARMAN_PLUGIN, parameters: { barmanObjectName: store, serverName: recovery.fromServerName } } },
    ],
  };
}

export function databaseObjects(settings: DeploymentSettings, options: DatabaseOptions): DatabaseObject[] {
  const { cluster, size } = options;
  const store = objectStoreName(cluster);
  const reader = options.anonymisedReaderOf;
  const postgres: PostgresCluster = {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: metadata(settings, cluster, cluster),
    spec: {
      instances: size.instances,
      imageName: settings.postgresImage,
      primaryUpdateStrategy: 'unsupervised',
      storage: { size: size.storage },
      resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
      ...bootstrap(options, store),
      ...(reader
        ? {
            managed: {
              roles: [
                {
                  name: ANONYMISED_READER_ROLE,
                  ensure: 'present',
                  login: true,
                  superuser: false,
                  createdb: false,
                  createrole: false,
                  inherit: false,
                  replication: false,
                  passwordSecret: { name: anonymisedReaderSecretName(reader) },
                },
              ],
            },
          }
        : {}),
      plugins: [
        {
          name: BARMAN_PLUGIN,
          isWALArchiver: true,
          parameters: { barmanObjectName: store, ...(options.recovery ? { serverName: options.recovery.archiveAs } : {}) },
        },
      ],
    },
  };
  const { backups } = settings;
  const objectStore: ObjectStore = {
    apiVersion: 'barmancloud.cnpg.io/v1',
    kind: 'ObjectStore',
    metadata: metadata(settings, store, cluster),
    spec: {
      retentionPolicy: backups.retention,
      configuration: {
        destinationPath: `${backups.destinationPath}/${cluster}`,
        ...(backups.endpointUrl ? { endpointURL: backups.endpointUrl } : {}),
        s3Credentials: {
          accessKeyId: { name: backups.credentialsSecret, key: 'ACCESS_KEY_ID' },
          secretAccessKey: { name: backups.credentialsSecret, key: 'ACCESS_SECRET_KEY' },
        },
        wal: { compression: 'gzip' },
        data: { compression: 'gzip' },
      },
    },
  };
  const schedule: ScheduledBackup = {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'ScheduledBackup',
    metadata: metadata(settings, `${cluster}-daily`, cluster),
    spec: {
      schedule: backups.schedule,
      immediate: true,
      backupOwnerReference: 'self',
      cluster: { name: cluster },
      method: 'plugin',
      pluginConfiguration: { name: BARMAN_PLUGIN },
    },
  };
  return [postgres, objectStore, schedule];
}
