namespace DataOps.LocalHost.Hosting.Management;

/// <summary>The Durable Functions management API paths.</summary>
internal static class ManagementRoutes
{
    public const string Root = "/runtime/webhooks/durabletask";
    public const string Instances = Root + "/instances";
}
