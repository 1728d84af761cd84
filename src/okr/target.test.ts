import { effectiveTarget, readTarget } from './target';

describe('targets: a number, or relative to the effective baseline', () => {
  test.each`
    written      | baseline   | target     | example
    ${2000000}   | ${1500000} | ${2000000} | ${'a number'}
    ${'2e6'}     | ${1500000} | ${2000000} | ${'numeric text'}
    ${-20}       | ${10}      | ${-20}     | ${'a JSON number -20 is the value -20'}
    ${'+15%'}    | ${40000}   | ${46000}   | ${'increase web traffic by 15%'}
    ${'-10%'}    | ${200}     | ${180}     | ${'reduce CAC by 10%'}
    ${'+ 2.5 %'} | ${1000}    | ${1025}    | ${'spaces are allowed'}
    ${'+50'}     | ${1200}    | ${1250}    | ${'add 50 customers'}
    ${'-20'}     | ${300}     | ${280}     | ${'text with a sign is relative'}
    ${'+15%'}    | ${-200}    | ${-230}    | ${'a negative baseline scales away from 0'}
    ${'+15%'}    | ${null}    | ${null}    | ${'relative with no baseline has no value'}
    ${5}         | ${null}    | ${5}       | ${'absolute needs no baseline'}
  `('$example: $written from $baseline → $target', ({ written, baseline, target }) => {
    const read = readTarget(written);
    expect(read.ok && effectiveTarget(read.spec, baseline)).toBe(target);
  });

  test.each`
    written      | message
    ${undefined} | ${'target is missing'}
    ${null}      | ${'target is missing'}
    ${'lots'}    | ${"target 'lots' is not a number: write a number, +15% / -10% of the baseline, or +50 / -20 from it"}
    ${'15%'}     | ${"target '15%' is not a number: write a number, +15% / -10% of the baseline, or +50 / -20 from it"}
    ${'+0x10'}   | ${"target '+0x10' is not a number: write a number, +15% / -10% of the baseline, or +50 / -20 from it"}
    ${true}      | ${'target true is not a number'}
  `('$written → $message', ({ written, message }) => {
    expect(readTarget(written)).toEqual({ ok: false, message });
  });
});
