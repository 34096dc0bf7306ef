import { describe, expect, it } from 'vitest';
import { MAX_DAYS_AFTER_EFFECTIVE } from '../../src/domain/dates.ts';
import { declared, given, rejected, verified } from '../support/given.ts';

describe('C2 AGI process', () => {
  describe('states', () => {
    it('is none with no declaration', () => {
      const then = given().whenReplayed();
      expect(then.agi).toBe('none');
      expect(then.replayed.context.agi).toEqual({
        declaredOn: null,
        verifiedOn: null,
        rejectedOn: null,
        lapsedOn: null,
      });
    });

    it('is pending after a declaration the panel has not ruled on', () => {
      const then = given(declared('2028-03-01')).whenReplayed();
      expect(then.agi).toBe('pending');
      expect(then.replayed.context.agi.declaredOn).toBe('2028-03-01');
    });

    it('is verified after the panel verifies', () => {
      const then = given(declared('2028-03-01'), verified('2028-09-01')).whenReplayed();
      expect(then.agi).toBe('verified');
      expect(then.replayed.context.agi).toMatchObject({ declaredOn: '2028-03-01', verifiedOn: '2028-09-01' });
    });

    it('is rejected after the panel rejects, and pending again after a re-declaration', () => {
      const rejectedThen = given(declared('2027-01-01'), rejected('2027-06-01')).whenReplayed();
      expect(rejectedThen.agi).toBe('rejected');
      expect(rejectedThen.replayed.context.agi.rejectedOn).toBe('2027-06-01');
      const again = given(declared('2027-01-01'), rejected('2027-06-01'), declared('2028-01-01')).whenReplayed();
      expect(again.agi).toBe('pending');
      expect(again.replayed.context.agi.declaredOn).toBe('2028-01-01');
    });

    it('allows a declaration, ruling and re-declaration all on one day', () => {
      const then = given(
        declared('2028-03-01'),
        rejected('2028-03-01'),
        declared('2028-03-01'),
        verified('2028-03-01'),
      ).whenReplayed();
      expect(then.agi).toBe('verified');
    });
  });

  describe('refusals name the line', () => {
    it('refuses a verification with nothing pending', () => {
      const error = given(verified('2028-01-01')).whenRefused();
      expect(error.line).toBe(1);
      expect(error.message).toContain('panel.verified is not allowed here: AGI state is "none"');
      expect(error.message).toContain('no declaration is pending');
      expect(error.hint).toContain('agi.declared');
    });

    it('refuses a rejection before any declaration', () => {
      const error = given(rejected('2028-01-01')).whenRefused();
      expect(error.line).toBe(1);
      expect(error.message).toContain('panel.rejected is not allowed here: AGI state is "none"');
    });

    it('refuses a rejection with nothing pending', () => {
      const error = given(declared('2027-01-01'), rejected('2027-02-01'), rejected('2027-03-01')).whenRefused();
      expect(error.line).toBe(3);
      expect(error.message).toContain('AGI state is "rejected"');
      expect(error.message).toContain('was rejected on 2027-02-01');
    });

    it('refuses a ruling after verification', () => {
      const error = given(declared('2027-01-01'), verified('2027-02-01'), rejected('2027-03-01')).whenRefused();
      expect(error.line).toBe(3);
      expect(error.message).toContain('the panel already verified AGI on 2027-02-01');
    });

    it('refuses a second declaration while one is pending', () => {
      const error = given(declared('2027-01-01'), declared('2027-02-01')).whenRefused();
      expect(error.line).toBe(2);
      expect(error.message).toContain('agi.declared is not allowed here: AGI state is "pending"');
      expect(error.message).toContain('the declaration of 2027-01-01 is still before the panel');
    });

    it('refuses a declaration after verification', () => {
      const error = given(declared('2027-01-01'), verified('2027-02-01'), declared('2030-01-01')).whenRefused();
      expect(error.line).toBe(3);
      expect(error.message).toContain('AGI was verified on 2027-02-01');
    });

    it('refuses a re-declaration under after-rejection=final', () => {
      const error = given(declared('2027-01-01'), rejected('2027-02-01'), declared('2028-01-01'))
        .assuming({ 'after-rejection': 'final' })
        .whenRefused();
      expect(error.line).toBe(3);
      expect(error.message).toContain('after-rejection=final');
      expect(error.hint).toContain('after-rejection=redeclare');
    });

    it('allows the same re-declaration under after-rejection=redeclare', () => {
      const then = given(declared('2027-01-01'), rejected('2027-02-01'), declared('2028-01-01'))
        .assuming({ 'after-rejection': 'redeclare' })
        .whenReplayed();
      expect(then.agi).toBe('pending');
    });

    it('refuses the whole log: later valid lines do not rescue it', () => {
      const error = given(verified('2027-01-01'), declared('2027-02-01'), verified('2027-03-01')).whenRefused();
      expect(error.line).toBe(1);
    });
  });

  describe('panel-deadline-days', () => {
    const within90 = { 'panel-deadline-days': 90 } as const;

    it('lapses an unruled declaration on exactly declared+N, as if rejected', () => {
      const then = given(declared('2028-01-01')).assuming(within90).whenReplayed();
      expect(then.agi).toBe('rejected');
      expect(then.replayed.context.agi).toMatchObject({ rejectedOn: '2028-03-31', lapsedOn: '2028-03-31' });
    });

    it('accepts a ruling on day N-1', () => {
      const then = given(declared('2028-01-01'), verified('2028-03-30')).assuming(within90).whenReplayed();
      expect(then.agi).toBe('verified');
      expect(then.replayed.context.agi.lapsedOn).toBeNull();
    });

    it('refuses a ruling on day N, the lapse having come at the start of the day', () => {
      const error = given(declared('2028-01-01'), verified('2028-03-31')).assuming(within90).whenRefused();
      expect(error.line).toBe(2);
      expect(error.message).toContain('lapsed unruled on 2028-03-31 (panel-deadline-days)');
    });

    it('refuses a ruling after a lapse', () => {
      const error = given(declared('2028-01-01'), rejected('2028-06-01')).assuming(within90).whenRefused();
      expect(error.line).toBe(2);
      expect(error.message).toContain('AGI state is "rejected"');
    });

    it('gives a re-declaration after a lapse its own deadline', () => {
      const then = given(declared('2028-01-01'), declared('2028-05-01')).assuming(within90).whenReplayed();
      expect(then.replayed.context.agi).toMatchObject({ declaredOn: '2028-05-01', lapsedOn: '2028-07-30' });
    });

    it('accepts a re-declaration on the very day of the lapse', () => {
      const future = given(declared('2028-01-01'), declared('2028-03-31')).assuming(within90);
      const thatDay = future.whenReplayedAt('2028-03-31');
      expect(thatDay.agi).toBe('pending');
      // lapsedOn names the latest ruling, which is still the first declaration's lapse.
      expect(thatDay.replayed.context.agi).toMatchObject({ declaredOn: '2028-03-31', lapsedOn: '2028-03-31' });
      expect(future.whenReplayed().replayed.context.agi.lapsedOn).toBe('2028-06-29');
    });

    it('forgets the lapse once the panel rules on a later declaration', () => {
      const then = given(declared('2028-01-01'), declared('2028-05-01'), rejected('2028-06-01'))
        .assuming(within90)
        .whenReplayed();
      expect(then.replayed.context.agi).toMatchObject({ rejectedOn: '2028-06-01', lapsedOn: null });
    });

    it('refuses a re-declaration after a lapse under after-rejection=final', () => {
      const error = given(declared('2028-01-01'), declared('2028-05-01'))
        .assuming({ ...within90, 'after-rejection': 'final' })
        .whenRefused();
      expect(error.line).toBe(2);
      expect(error.message).toContain(
        'after-rejection=final forbids declaring again after the declaration lapsed unruled on 2028-03-31 (panel-deadline-days), which counts as a rejection',
      );
    });

    it('with panel-deadline-days=1 lapses the day after the declaration', () => {
      const then = given(declared('2028-01-01')).assuming({ 'panel-deadline-days': 1 }).whenReplayed();
      expect(then.replayed.context.agi.lapsedOn).toBe('2028-01-02');
    });

    it('never lapses when declared+N falls after the calendar’s last day (9999-12-31)', () => {
      const longest = { 'panel-deadline-days': MAX_DAYS_AFTER_EFFECTIVE } as const;
      const then = given(declared('2028-01-01')).assuming(longest).whenReplayed();
      expect(then.agi).toBe('pending');
      expect(then.replayed.context.agi.lapsedOn).toBeNull();
      expect(given(declared('2028-01-01'), verified('2090-01-01')).assuming(longest).whenReplayed().agi).toBe(
        'verified',
      );
    });

    it('never lapses under panel-deadline-days=none', () => {
      const then = given(declared('2028-01-01')).whenReplayed();
      expect(then.agi).toBe('pending');
      expect(then.replayed.context.agi.lapsedOn).toBeNull();
    });
  });
});
