/** What other features use from Companies: the company picker's search. */
export { useCompanyOptions, type Company } from './api/companies';
