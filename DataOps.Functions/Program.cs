using DataOps.Durable;
using DataOps.Durable.Hosting;

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
        builder.Services.AddHttpClient();
        builder.Services.AddDurableTask().AddTasks(typeof(Program).Assembly);
        await using var host = builder.Build();
        await host.RunAsync();
    }
}
