using DataOps.Durable.Hosting;
using Microsoft.Extensions.Configuration.Memory;

namespace DataOps.Functions;

/// <summary>Entry point of the DataOps Lifecycle function host.</summary>
public static class Program
{
    /// <summary>
    /// Starts the host on 127.0.0.1:7071 (<c>Host:LocalHttpPort</c> or <c>Host:Urls</c> change it) with
    /// host.json, local.settings.json and environment configuration, serving the functions of this assembly.
    /// </summary>
    public static async Task Main(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DataOpsServiceCollectionExtensions.DefaultSettings });
        builder.Services.AddHttpClient();
        builder.Services.AddDataOps(builder.Configuration);
        await using var host = builder.Build();
        await host.RunAsync();
    }
}
