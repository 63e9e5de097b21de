using System.Text.Json.Serialization;
using DataOps.GleanEmulator.Endpoints;
using DataOps.GleanEmulator.Faults;
using DataOps.GleanEmulator.Identity;
using DataOps.GleanEmulator.Infrastructure;
using DataOps.GleanEmulator.State;

namespace DataOps.GleanEmulator;

/// <summary>
/// Builds the emulator as a <see cref="WebApplication"/>, so the command line and in-process tests run
/// the very same app (tests add <c>http://127.0.0.1:0</c> and read the bound address after start).
/// </summary>
internal static class GleanEmulatorApp
{
    /// <summary>
    /// Builds the app from command-line arguments, then lets <paramref name="configure"/> adjust the options and
    /// <paramref name="services"/> replace services (e.g. the <see cref="TimeProvider"/> behind rate limits).
    /// </summary>
    public static WebApplication Build(string[] args, Action<GleanEmulatorOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--snapshot"] = $"{GleanEmulatorOptions.SectionName}:{nameof(GleanEmulatorOptions.SnapshotPath)}",
            ["--seed"] = $"{GleanEmulatorOptions.SectionName}:{nameof(GleanEmulatorOptions.Seed)}",
        });

        var options = new GleanEmulatorOptions();
        builder.Configuration.GetSection(GleanEmulatorOptions.SectionName).Bind(options);
        configure?.Invoke(options);

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(GleanEmulatorOptions.DefaultUrl);
        }

        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes + 1);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        // Built now, so a client token without its user stops the start with the reason, not the first search.
        builder.Services.AddSingleton(new ClientIdentities(options));
        builder.Services.AddSingleton<EmulatorState>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton<RateLimits>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddHostedService<SnapshotWriter>();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseMiddleware<GleanApiMiddleware>();
        app.MapGet("/", () => Results.Ok(new { service = "glean-emulator" }));
        IndexingEndpoints.Map(app);
        SearchEndpoint.Map(app);
        AdminEndpoints.Map(app);
        return app;
    }
}
