/** The one seeded store behind both origins: employees and leads, changed only by mutations. */
import { createRng, type Rng } from '../random';
import { generateLeads, type Lead } from './dataset';
import { buildEmployees, type Employee } from './directory';
import type { DatasetName } from './types';

export class Store {
  readonly employees: Employee[];
  /** Ascending id (and created_at). */
  readonly leads: Lead[];
  readonly mutationRng: Rng;
  /** Bumped by every mutation, so derived lists can be cached. */
  version = 0;
  private readonly leadIndex = new Map<number, Lead>();
  private readonly employeeIndex = new Map<number, Employee>();

  constructor(
    readonly seed: number,
    readonly dataset: DatasetName,
  ) {
    this.employees = buildEmployees(seed);
    for (const e of this.employees) this.employeeIndex.set(e.id, e);
    this.leads = generateLeads(seed, dataset, this.employees);
    for (const l of this.leads) this.leadIndex.set(l.id, l);
    this.mutationRng = createRng(seed).fork('mutations');
  }

  lead(id: number): Lead | undefined {
    return this.leadIndex.get(id);
  }

  employee(id: number): Employee | undefined {
    return this.employeeIndex.get(id);
  }

  /** A signed-in-able employee by e-mail (any case); the purged one has none. */
  employeeByEmail(email: string): Employee | undefined {
    const want = email.trim().toLowerCase();
    return want ? this.employees.find((e) => e.key !== null && e.email.toLowerCase() === want) : undefined;
  }

  addLead(lead: Lead): void {
    this.leads.push(lead);
    this.leadIndex.set(lead.id, lead);
  }
}
