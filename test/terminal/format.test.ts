import test from 'ava';
import { formatDateTime, formatMoney, formatTime } from '../../terminal/format.js';

test('money uses the currency’s own decimals', (t) => {
  t.is(formatMoney({ currencyCode: 'EUR', amountMinor: 3500 }), '€35.00');
  t.is(formatMoney({ currencyCode: 'JPY', amountMinor: 3500 }), '¥3,500');
  t.is(formatMoney({ currencyCode: 'EUR', amountMinor: 3500 }, 3), '€105.00');
});

test('dates read as weekday, day, month and 24-hour time', (t) => {
  const date = new Date('2026-12-01T20:05:00Z');
  t.is(formatDateTime(date, 'UTC'), 'Tue 1 Dec 20:05');
  t.is(formatTime(date, 'Asia/Tokyo'), '05:05');
});
