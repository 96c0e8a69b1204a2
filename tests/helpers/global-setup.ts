import { postgresAvailable, TEST_DATABASE_URL } from './databases.js';

export default async function setup() {
  const pg = process.env.TEST_DIALECT === 'sqlite' ? false : await postgresAvailable();
  const which = process.env.TEST_DIALECT ? [process.env.TEST_DIALECT] : pg ? ['sqlite', 'postgres'] : ['sqlite'];
  console.log(
    `\nDatabase tests run on: ${which.join(' and ')}${pg ? ` (PostgreSQL at ${TEST_DATABASE_URL.replace(/\/\/[^@]*@/, '//')})` : ' (PostgreSQL unreachable: skipped)'}\n`,
  );
}
