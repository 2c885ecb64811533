import { describe, expect, it } from 'vitest';
import { branchFromUrl, pageKind } from '../../../utils/sources/alfacrm/page-kind';

describe('pageKind', () => {
  it.each([
    ['https://demo.s20.online/company/1/lead/index', 'leads'],
    ['https://demo.s20.online/company/1/lead/index?LeadSearch%5Bf_removed%5D=2', 'leads'],
    ['https://demo.s20.online/company/1/lead/index?LeadSearch[f_removed]=2#x', 'leads'],
    ['https://demo.alfacrm.pro/company/12/lead/', 'leads'],
    ['https://demo.alfacrm.pro/company/12/lead?view_mode=board', 'leads'],
    ['http://127.0.0.1:4010/company/3/customer/index?CustomerSearch%5Bf_removed%5D=2&page=2', 'customers'],
    ['https://crm.example.com/company/1/customer/index', 'customers'],
    ['https://demo.s20.online/company/1/lead/view?id=500', 'other'],
    ['https://demo.s20.online/company/1/lead/board?id=0', 'other'],
    ['https://demo.s20.online/company/1/customer/view?id=264', 'other'],
    ['https://demo.s20.online/login?backUrl=%2F', 'other'],
    ['https://demo.s20.online/settings/1/default/index', 'other'],
    ['not a url', 'other'],
  ])('%s → %s', (url, kind) => {
    expect(pageKind(url)).toBe(kind);
  });
});

describe('branchFromUrl', () => {
  it('reads /company/{b}/', () => {
    expect(branchFromUrl('https://demo.s20.online/company/3/lead/index')).toBe(3);
    expect(branchFromUrl('/company/1/lead/board?id=0')).toBe(1);
    expect(branchFromUrl('https://demo.s20.online/settings/1/default/index')).toBeNull();
    expect(branchFromUrl('https://demo.s20.online/company/x/lead/index')).toBeNull();
  });
});
