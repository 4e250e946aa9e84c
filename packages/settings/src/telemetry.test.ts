import { describe, expect, it } from 'vitest';
import { metricsListenSettings, telemetrySettings } from './telemetry.ts';

describe('telemetry settings', () => {
  it('leave tracing off unless an OTLP endpoint is given, and log at info', () => {
    expect(telemetrySettings({})).toEqual({ traces: null, logLevel: 'info' });
  });

  it('send traces to the endpoint’s /v1/traces, or to the traces endpoint as given', () => {
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).traces).toEqual({
      url: 'http://collector:4318/v1/traces',
      sampleRatio: 1,
    });
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/otel/' }).traces?.url).toBe('http://collector:4318/otel/v1/traces');
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/x', OTEL_TRACES_SAMPLER_ARG: '0.25' }).traces).toEqual({
      url: 'http://c:4318/x',
      sampleRatio: 0.25,
    });
  });

  it('let OTEL_TRACES=off keep tracing off with an endpoint set, and refuse otlp without one', () => {
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES: 'off' }).traces).toBeNull();
    expect(() => telemetrySettings({ OTEL_TRACES: 'otlp' })).toThrow(
      'OTEL_TRACES=otlp needs OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    );
  });

  it('name the setting they refuse', () => {
    expect(() => telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://c' })).toThrow("OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got 'grpc://c'");
    expect(() => telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(
      "OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got '2'",
    );
    expect(() => telemetrySettings({ LOG_LEVEL: 'verbose' })).toThrow("LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'verbose'");
  });

  it('serve metrics on the default port on loopback, on the given one, or nowhere', () => {
    expect(metricsListenSettings({}, 9464)).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(metricsListenSettings({ METRICS_PORT: '0', METRICS_HOST: '0.0.0.0' }, 9464)).toEqual({ port: 0, host: '0.0.0.0' });
    expect(metricsListenSettings({ METRICS_PORT: 'off' }, 9464)).toBeNull();
  });
});
