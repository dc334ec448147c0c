import {
  ruleLeakDetector,
  type MatchRule,
  type LeakDetector,
} from './leak-detector.js';

const RULES: readonly MatchRule[] = [
  // A database or broker URL, with or without a password: it names the host, port and database.
  {
    pattern:
      /\b(?:postgres(?:ql)?|mysql|mysqlx|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|jdbc:[a-z0-9]{1,20}|oracle|cockroachdb|clickhouse|cassandra|couchdb|neo4j|nats|memcached?)(?:\+[a-z0-9]{1,20})?:\/\/(?=([^\s"'<>]{1,400}))\1/gi,
  },
  // ADO.NET and ODBC: `Server=db;Database=shop;User Id=…`.
  {
    pattern:
      /\b(?:Server|Data Source|Host|Hostname)\s?=\s?[^;\n"]{1,200};[^\n"]{0,300}?\b(?:Database|Initial Catalog|Dbname)\s?=/gi,
  },
];

/** Database and broker connection strings (their passwords are also found by the secret detectors). */
export const connectionStringLeakDetector: LeakDetector = ruleLeakDetector(
  'connection-string',
  RULES,
);
