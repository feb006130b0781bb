import { describe, expect, it } from 'vitest';
import { MAX_FLOOR_PLAN_BYTES } from '@parc/shared/contracts/floorplans';
import { checkedPlanImage, detectPlanType } from './plan-image.ts';

const text = (value: string) => new TextEncoder().encode(value);

describe('detectPlanType', () => {
  it.each([
    ['PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]), 'image/jpeg'],
    ['bare SVG', text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'image/svg+xml'],
    ['SVG with prolog, comment and doctype', text('\uFEFF<?xml version="1.0"?>\n<!-- plan -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg>'), 'image/svg+xml'],
    ['HTML', text('<html><svg></svg></html>'), null],
    ['GIF', text('GIF89a....'), null],
    ['PDF', text('%PDF-1.7'), null],
    ['truncated PNG signature', new Uint8Array([0x89, 0x50, 0x4e]), null],
  ] as const)('%s is %s', (_name, bytes, type) => {
    expect(detectPlanType(bytes)).toBe(type);
  });
});

describe('checkedPlanImage', () => {
  it.each([
    ['empty', new Uint8Array(0), /empty/],
    ['too large', new Uint8Array(MAX_FLOOR_PLAN_BYTES + 1).fill(0xff), /larger than 5 MB/],
    ['not an image', text('hello'), /PNG, JPEG or SVG/],
  ])('refuses a file that is %s', (_name, bytes, message) => {
    expect(() => checkedPlanImage(bytes)).toThrow(message);
  });
});
