import { afterEach, describe, expect, it } from 'vitest';
import { jitsiUrl, newJitsiRoom } from './jitsi';

describe('Jitsi rooms', () => {
  const saved = process.env.JITSI_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.JITSI_BASE_URL;
    else process.env.JITSI_BASE_URL = saved;
  });

  it('makes unguessable room names of 128 bits, different every time', () => {
    const rooms = new Set(Array.from({ length: 1000 }, newJitsiRoom));
    expect(rooms.size).toBe(1000);
    for (const room of rooms) expect(room).toMatch(/^Tanzim-[a-z2-7]{26}$/);
  });

  it('links to the public server unless JITSI_BASE_URL names another', () => {
    delete process.env.JITSI_BASE_URL;
    expect(jitsiUrl('Tanzim-abc')).toBe('https://meet.jit.si/Tanzim-abc');
    process.env.JITSI_BASE_URL = 'https://visio.example.ma/';
    expect(jitsiUrl('Tanzim-abc')).toBe('https://visio.example.ma/Tanzim-abc');
  });
});
