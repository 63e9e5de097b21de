using DataOps.Glean.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DataOps.LocalHost.Hosting;

/// <summary>
/// Metrics and traces of the product through OpenTelemetry, switched on by configuration <c>DataOps:Telemetry:Exporter</c>:
/// <c>none</c> (the default), <c>console</c>, or <c>otlp</c>, which reads the standard <c>OTEL_EXPORTER_OTLP_*</c>
/// settings (endpoint, protocol, headers) like any OpenTelemetry exporter.
/// </summary>
internal static class HostTelemetry
{
    public const string ExporterSetting = "DataOps:Telemetry:Exporter";

    /// <summary>The product's meters.</summary>
    public static IReadOnlyList<string> MeterNames { get; } = [WorkflowTelemetryNames.Workflows, GleanTelemetry.MeterName];

    /// <summary>The product's activity sources.</summary>
    public static IReadOnlyList<string> ActivitySourceNames { get; } = [WorkflowTelemetryNames.Workflows, WorkflowTelemetryNames.DurableTaskCore];

    /// <exception cref="InvalidOperationException">The setting names no known exporter.</exception>
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var exporter = configuration[ExporterSetting]?.Trim();
        if (string.IsNullOrEmpty(exporter) || exporter.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            // No provider at all: nothing listens to the instruments and no activity is ever created.
            return;
        }

        var otlp = exporter.Equals("otlp", StringComparison.OrdinalIgnoreCase);
        if (!otlp && !exporter.Equals("console", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{ExporterSetting} '{exporter}' is not one of none, console, otlp.");
        }

        services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. MeterNames]);
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
                else
                {
                    metrics.AddConsoleExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource([.. ActivitySourceNames]);
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
                else
                {
                    tracing.AddConsoleExporter();
                }
            });
    }
}
