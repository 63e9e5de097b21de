using DataOps.Functions;
using DataOps.LocalHost.Hosting;
using Microsoft.Extensions.Configuration.Memory;

namespace DataOps.LocalHost;

/// <summary>
/// Composes the DataOps function app on the local host: the app's services and functions, its orchestration and activity
/// functions run by the Durable Functions extension, configured from host.json.
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
    /// Adds the app: its services and every function of the app's assembly. Call it once the configuration is complete.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>The same builder.</returns>
    public static LocalFunctionsHostBuilder AddDataOpsApp(this LocalFunctionsHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = typeof(DataOpsServiceCollectionExtensions).Assembly;
        builder.Services.AddDataOps(builder.Configuration);
        return builder.AddFunctionsFromAssembly(app);
    }
}
