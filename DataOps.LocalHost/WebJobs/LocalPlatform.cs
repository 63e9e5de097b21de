using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Microsoft.Azure.WebJobs.Host.Config;
using OperatingSystem = Microsoft.Azure.WebJobs.Extensions.DurableTask.OperatingSystem;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// What the Functions host tells the Durable extension about where it runs: an isolated .NET worker, not a consumption
/// plan, and not a Linux App Service container (where the extension writes its event log to stdout for the platform).
/// </summary>
#pragma warning disable CS0612 // Marked obsolete for apps; it is how a host tells the extension where it runs.
internal sealed class LocalPlatformInformation : IPlatformInformation
#pragma warning restore CS0612
{
    public bool IsInConsumptionPlan() => false;

    public bool IsManagedAppEnvironment() => false;

    public OperatingSystem GetOperatingSystem() => OperatingSystem.Windows;

    public WorkerRuntimeType GetWorkerRuntimeType() => WorkerRuntimeType.DotNetIsolated;

    public string GetLinuxTenant() => string.Empty;

    public string GetLinuxStampName() => string.Empty;

    public string GetContainerName() => string.Empty;

    public bool UsesExternalPowerShellSDK() => false;
}

/// <summary>
/// The base address of the extension's webhooks (<c>/runtime/webhooks/durabletask</c>) on this host: the Functions
/// host supplies it; here it is Kestrel's first address once listening, else the configured one.
/// </summary>
#pragma warning disable CS0618 // The extension needs this provider; the Functions host registers one too.
internal sealed class LocalWebHookProvider(IServer server, IConfiguration configuration) : IWebHookProvider
#pragma warning restore CS0618
{
    public const string DurableTaskPath = "/runtime/webhooks/durabletask";

    public Uri GetUrl(IExtensionConfigProvider extension)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? configuration["Host:Urls"]?.Split(';')[0]
            ?? $"http://127.0.0.1:{configuration["Host:LocalHttpPort"] ?? "7071"}";
        return new Uri(address.TrimEnd('/') + DurableTaskPath);
    }
}
