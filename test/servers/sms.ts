/**
 * Local Aliyun SMS (dysmsapi 2017-05-25 `SendSms`) server for tests (CHANNELS.md § SMS).
 * Verifies the RPC signature (sorted RFC 3986 query, HMAC-SHA1 keyed by secret + "&"),
 * timestamp, nonce reuse, parameters and phone numbers, and a per-number quota.
 *
 *   const srv = await startSmsServer({ accessKeyId: 'id', accessKeySecret: 'secret' });
 *   createAliyunSmsAdapter({ baseUrl: srv.url, accessKeyId: 'id', accessKeySecret: 'secret', … });
 *   srv.delivered[0].query.TemplateParam // '{"code":"123456"}'
 *
 * Replies (`{Code, Message, RequestId, BizId?}`): OK; HTTP 400 SignatureDoesNotMatch,
 * InvalidTimeStamp.Expired, SignatureNonceUsed, MissingParameter; HTTP 404
 * InvalidAccessKeyId.NotFound; HTTP 200 isv.MOBILE_NUMBER_ILLEGAL, isv.INVALID_JSON_PARAM,
 * isv.BUSINESS_LIMIT_CONTROL (over `limitPerNumber` in `limitWindowMs`).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createKeyedCounters, createWindowCounter, startJsonServer, type HttpTestServer, type IncomingRequest } from './http-harness.js';

export interface SmsServerOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** Sends allowed per phone number in `limitWindowMs` (Aliyun notifications: ~50 a day). */
  limitPerNumber?: number;
  limitWindowMs?: number;
  /** Text of the over-limit Message; Aliyun names the window (分钟级/小时级/天级流控). */
  limitMessage?: string;
  maxSkewMs?: number;
  now?: () => number;
}

export type SmsTestServer = HttpTestServer;

const REQUIRED = [
  'AccessKeyId', 'Action', 'Format', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion',
  'Timestamp', 'Version', 'PhoneNumbers', 'SignName', 'TemplateCode',
];

/** RFC 3986 encoding, written independently of the adapter's. */
function percentEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/\*/g, '%2A');
}

function computeSignature(method: string, query: Record<string, string>, secret: string): string {
  const canonical = Object.keys(query)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(query[k])}`)
    .join('&');
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

/** Starts the Aliyun SMS test server on 127.0.0.1 (random port). */
export async function startSmsServer(options: SmsServerOptions): Promise<SmsTestServer> {
  const now = options.now ?? Date.now;
  const maxSkewMs = options.maxSkewMs ?? 15 * 60_000;
  const perNumber = createKeyedCounters(() =>
    createWindowCounter(options.limitWindowMs ?? 24 * 3_600_000, options.limitPerNumber ?? 50),
  );
  const usedNonces = new Set<string>();
  const requestId = () => randomBytes(8).toString('hex').toUpperCase();
  const answer = (status: number, Code: string, Message: string) => ({
    status,
    body: { Code, Message, RequestId: requestId() },
    error: Code,
  });

  const handle = (req: IncomingRequest) => {
    if (req.method !== 'GET' || req.path !== '/') return answer(404, 'InvalidAction.NotFound', 'Specified api is not found');
    const q = req.query;
    const missing = REQUIRED.find((k) => !q[k]) ?? (q.Signature ? undefined : 'Signature');
    if (missing) return answer(400, 'MissingParameter', `${missing} is mandatory for this action.`);
    if (q.AccessKeyId !== options.accessKeyId) return answer(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    if (q.SignatureMethod !== 'HMAC-SHA1' || q.SignatureVersion !== '1.0') {
      return answer(400, 'InvalidParameter', 'unsupported signature method or version');
    }
    if (q.Signature !== computeSignature('GET', q, options.accessKeySecret)) {
      return answer(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
    }
    const at = Date.parse(q.Timestamp);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(q.Timestamp) || !(Math.abs(req.now - at) <= maxSkewMs)) {
      return answer(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    }
    if (usedNonces.has(q.SignatureNonce)) return answer(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    usedNonces.add(q.SignatureNonce);
    if (q.Action !== 'SendSms' || q.Version !== '2017-05-25') return answer(404, 'InvalidAction.NotFound', 'Specified api is not found');
    if (q.TemplateParam !== undefined) {
      try {
        JSON.parse(q.TemplateParam);
      } catch {
        return answer(200, 'isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
      }
    }
    const numbers = q.PhoneNumbers.split(',');
    if (numbers.length > 1000 || !numbers.every((n) => /^(\+?86|0086)?1\d{10}$/.test(n))) {
      return answer(200, 'isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
    }
    if (!numbers.every((n) => perNumber(n.slice(-11)).fits(req.now))) {
      return answer(200, 'isv.BUSINESS_LIMIT_CONTROL', options.limitMessage ?? '触发天级流控Permits:50');
    }
    for (const n of numbers) perNumber(n.slice(-11)).add(req.now);
    const bizId = `${Math.floor(req.now / 1000)}${randomBytes(4).readUInt32BE()}^0`;
    return { body: { Code: 'OK', Message: 'OK', RequestId: requestId(), BizId: bizId }, delivered: true };
  };

  return startJsonServer(handle, now);
}
