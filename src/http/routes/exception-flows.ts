import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZOk } from '../../contracts/common.js';
import { ZEventHeaders } from '../../contracts/engine.js';
import {
  ZAgreeStartDate, ZAgreeStartDateResult, ZDeclineInput, ZDeclineResult, ZEditPreparedMessage, ZPayBand, ZPayBandInput, ZPayBandParams,
  ZPoolWording, ZPoolWordingQuery, ZPreparedMessage, ZPreparedMessageParams, ZSalaryDecisionInput, ZSalaryDecisionResult, ZSalaryEvaluation,
  ZSalaryRequestInput, ZSalaryRequestParams, ZSalaryRequestResult, ZTalentPoolEntry, ZTalentPoolJoin, ZTalentPoolList, ZTalentPoolParams,
  ZTalentPoolQuery, ZTalentPoolUpdate, ZWithdrawal, ZWithdrawalDecisionInput, ZWithdrawalParams, ZWithdrawalQuery, ZWithdrawalRequestInput,
} from '../../contracts/exception-flows.js';
import type { Deps } from '../../services/deps.js';
import { agreeStartDate } from '../../services/exceptions/agree-start-date.js';
import { recordDecline } from '../../services/exceptions/decline.js';
import { decideOfferWithdrawal, listOfferWithdrawals, requestOfferWithdrawal } from '../../services/exceptions/offer-withdrawal.js';
import { deletePayBand, listPayBands, setPayBand } from '../../services/exceptions/pay-bands.js';
import { editPreparedMessage, listPreparedMessages } from '../../services/exceptions/prepared-messages.js';
import { decideSalaryAdjustment, getSalaryEvaluation, requestSalaryAdjustment } from '../../services/exceptions/salary.js';
import { getPoolWording, joinTalentPool, listTalentPool, updatePoolEntry, withdrawFromPool } from '../../services/exceptions/talent-pool.js';
import { requestContext, requirePrincipal } from '../auth.js';

/** Staff side of "when plans change" (issue 6): new start dates, salary, declines, prepared messages, talent pool, withdrawals. */
export function exceptionFlowRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['exceptions'];

    app.post('/candidates/:id/start-date', {
      schema: { tags, summary: 'Agree a new start date: a new offer version and a re-plan; answers with the steps that moved', params: ZIdParams, body: ZAgreeStartDate, response: { 200: ZAgreeStartDateResult, 201: ZAgreeStartDateResult } },
    }, async (req, reply) => {
      const result = await agreeStartDate(deps, requirePrincipal(req), req.params.id, req.body, requestContext(req));
      return reply.status(result.applied ? 201 : 200).send(result);
    });

    app.post('/candidates/:id/salary-requests', {
      schema: { tags, summary: 'Record a salary-adjustment request with the candidate’s argument (Idempotency-Key makes retries safe)', params: ZIdParams, headers: ZEventHeaders, body: ZSalaryRequestInput, response: { 200: ZSalaryRequestResult, 201: ZSalaryRequestResult } },
    }, async (req, reply) => {
      const result = await requestSalaryAdjustment(deps, requirePrincipal(req), req.params.id, req.body, req.headers['idempotency-key'], requestContext(req));
      return reply.status(result.applied ? 201 : 200).send(result);
    });

    app.get('/candidates/:id/salary-evaluation', {
      schema: { tags, summary: 'The latest salary request, the current offer and the pay band (figures only for roles that see salary)', params: ZIdParams, response: { 200: ZSalaryEvaluation } },
    }, async (req) => getSalaryEvaluation(deps, requirePrincipal(req), req.params.id, requestContext(req)));

    app.post('/candidates/:id/salary-requests/:requestId/decision', {
      schema: { tags, summary: 'Decide a salary request: approved → new offer version to re-accept; rejected → total-compensation explanation', params: ZSalaryRequestParams, body: ZSalaryDecisionInput, response: { 200: ZSalaryDecisionResult } },
    }, async (req) => decideSalaryAdjustment(deps, requirePrincipal(req), req.params.id, req.params.requestId, req.body, requestContext(req)));

    app.get('/pay-bands', {
      schema: { tags, summary: 'Pay bands per department and position title or role type', response: { 200: z.object({ items: z.array(ZPayBand) }) } },
    }, async (req) => ({ items: await listPayBands(deps, requirePrincipal(req)) }));

    app.put('/pay-bands', {
      schema: { tags, summary: 'Set a pay band (replaces the band for the same department and title or role type)', body: ZPayBandInput, response: { 200: ZPayBand } },
    }, async (req) => setPayBand(deps, requirePrincipal(req), req.body, requestContext(req)));

    app.delete('/pay-bands/:bandId', {
      schema: { tags, summary: 'Delete a pay band', params: ZPayBandParams, response: { 200: ZOk } },
    }, async (req) => deletePayBand(deps, requirePrincipal(req), req.params.bandId, requestContext(req)));

    app.post('/candidates/:id/decline', {
      schema: { tags, summary: 'Record a decline or renege with its reason, and the talent-pool opt-in when the candidate gave it', params: ZIdParams, headers: ZEventHeaders, body: ZDeclineInput, response: { 200: ZDeclineResult, 201: ZDeclineResult } },
    }, async (req, reply) => {
      const result = await recordDecline(deps, requirePrincipal(req), req.params.id, req.body, req.headers['idempotency-key'], requestContext(req));
      return reply.status(result.applied ? 201 : 200).send(result);
    });

    app.get('/candidates/:id/prepared-messages', {
      schema: { tags, summary: 'Prepared messages still to go (thank-you, offer re-issue, total compensation) with their text', params: ZIdParams, response: { 200: z.object({ items: z.array(ZPreparedMessage) }) } },
    }, async (req) => ({ items: await listPreparedMessages(deps, requirePrincipal(req), req.params.id) }));

    app.put('/candidates/:id/prepared-messages/:key', {
      schema: { tags, summary: 'Edit a prepared message while it is still scheduled (audited)', params: ZPreparedMessageParams, body: ZEditPreparedMessage, response: { 200: ZPreparedMessage } },
    }, async (req) => editPreparedMessage(deps, requirePrincipal(req), req.params.id, req.params.key, req.body, requestContext(req)));

    app.get('/talent-pool/wording', {
      schema: { tags, summary: 'The talent-pool consent wording staff show before recording an opt-in', querystring: ZPoolWordingQuery, response: { 200: ZPoolWording } },
    }, async (req) => getPoolWording(deps, requirePrincipal(req), req.query.language));

    app.get('/talent-pool', {
      schema: { tags, summary: 'Talent-pool members (live consent) with tags, consent dates and the next contact', querystring: ZTalentPoolQuery, response: { 200: ZTalentPoolList } },
    }, async (req) => listTalentPool(deps, requirePrincipal(req), req.query, requestContext(req)));

    app.post('/talent-pool', {
      schema: { tags, summary: 'Record a talent-pool opt-in (or its renewal, restarting 24 months) the person gave staff', body: ZTalentPoolJoin, response: { 201: ZTalentPoolEntry } },
    }, async (req, reply) => reply.status(201).send(await joinTalentPool(deps, requirePrincipal(req), req.body, requestContext(req))));

    app.put('/talent-pool/:candidateId', {
      schema: { tags, summary: 'Tag a talent-pool member and keep notes', params: ZTalentPoolParams, body: ZTalentPoolUpdate, response: { 200: ZTalentPoolEntry } },
    }, async (req) => updatePoolEntry(deps, requirePrincipal(req), req.params.candidateId, req.body, requestContext(req)));

    app.post('/talent-pool/:candidateId/withdraw', {
      schema: { tags, summary: 'Withdraw the talent-pool consent on the person’s request and delete the entry', params: ZTalentPoolParams, response: { 200: z.object({ ok: z.literal(true), withdrawn: z.boolean() }) } },
    }, async (req) => withdrawFromPool(deps, requirePrincipal(req), req.params.candidateId, requestContext(req)));

    app.post('/candidates/:id/offer-withdrawals', {
      schema: { tags, summary: 'Request the employer’s withdrawal of the offer (a second person must approve)', params: ZIdParams, body: ZWithdrawalRequestInput, response: { 201: ZWithdrawal } },
    }, async (req, reply) => reply.status(201).send(await requestOfferWithdrawal(deps, requirePrincipal(req), req.params.id, req.body, requestContext(req))));

    app.get('/offer-withdrawals', {
      schema: { tags, summary: 'Offer-withdrawal requests with their evidence (sent, portal opened, accepted times)', querystring: ZWithdrawalQuery, response: { 200: z.object({ items: z.array(ZWithdrawal) }) } },
    }, async (req) => listOfferWithdrawals(deps, requirePrincipal(req), req.query));

    app.post('/offer-withdrawals/:withdrawalId/decision', {
      schema: { tags, summary: 'Approve or refuse a withdrawal (not by the person who requested it); approval withdraws the offer and stops the plan', params: ZWithdrawalParams, body: ZWithdrawalDecisionInput, response: { 200: ZWithdrawal } },
    }, async (req) => decideOfferWithdrawal(deps, requirePrincipal(req), req.params.withdrawalId, req.body, requestContext(req)));
  };
}
