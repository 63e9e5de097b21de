using DataOps.Functions;
using DataOps.LocalHost.TaskHub;
using DataOps.LocalHost.Hosting;
using Microsoft.Extensions.Configuration.Memory;

namespace DataOps.LocalHost;

/// <summary>
/// Composes the DataOps function app on the local host: the app's functions and services, and its orchestrators and
/// activities on the task hub worker (the Durable Task Framework over Azure Storage), configured from host.json.
/// </summary>
internal static class DataOpsLocalHost
{
    /// <summary>A host builder whose configuration starts from the app's defaults (lowest precedence).</summary>
    /// <param name="options">Content root, arguments and where local settings are read from.</param>
    /// <returns>The builder; add settings, then call <see cref="AddDataOpsApp"/>.</returns>
    public static LocalFunctionsHostBuilder CreateBuilder(LocalFunctionsHostOptions options)
    {
        var builder = LocalFunctionsHost.CreateBuilder(options);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DataOpsServiceCollectionExtensions.DefaultSettings });
        return builder;
    }

    /// <summary>
    /// Adds the app: its services, its functions, and every orchestrator and activity of the app's assembly on the
    /// task hub worker with the <c>[DurableClient]</c> client; payloads are JSON with web defaults (camelCase). Call it once the configuration is complete: the worker's
    /// settings are read here.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>The same builder.</returns>
    public static LocalFunctionsHostBuilder AddDataOpsApp(this LocalFunctionsHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = typeof(DataOpsServiceCollectionExtensions).Assembly;
        builder.Services.AddDataOps(builder.Configuration);
        builder.Services.AddTaskHubWorker(builder.Configuration, registry => registry.AddAllFrom(app));
        return builder.AddFunctionsFromAssembly(app);
    }
}
