using System.Reflection;
using System.Runtime.ExceptionServices;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// Puts the host's policies into the storage clients the Durable extension builds for the task hub: the poison bound
/// (<see cref="TaskHubPoisonPolicy"/>) into its queue clients, request counting (<see cref="StorageCallCountingPolicy"/>)
/// into all of them. The extension creates them through its storage client provider factory, an internal service with
/// no public seam (for a connection string it does not go through the Azure client factory), so this proxy stands in
/// for it: every call is the extension's own, and the client providers it returns are wrapped in a
/// <see cref="PolicyClientProvider{TClient, TClientOptions}"/>.
/// </summary>
internal class TaskHubStorageClients : DispatchProxy
{
    /// <summary>The extension's storage client provider factory service.</summary>
    public static readonly Type ServiceType = Type.GetType(
        "Microsoft.Azure.WebJobs.Extensions.DurableTask.Storage.IStorageServiceClientProviderFactory, Microsoft.Azure.WebJobs.Extensions.DurableTask",
        throwOnError: true)!;

    private object _inner = null!;
    private Func<TaskHubPoisonPolicy> _poison = null!;
    private WorkflowTelemetry _telemetry = null!;

    public static object Create(object inner, Func<TaskHubPoisonPolicy> poison, WorkflowTelemetry telemetry)
    {
        var proxy = (TaskHubStorageClients)Create(ServiceType, typeof(TaskHubStorageClients));
        proxy._inner = inner;
        proxy._poison = poison;
        proxy._telemetry = telemetry;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        object? result;
        try
        {
            result = targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        return result switch
        {
            IStorageServiceClientProvider<QueueServiceClient, QueueClientOptions> queues =>
                new PolicyClientProvider<QueueServiceClient, QueueClientOptions>(queues, new StorageCallCountingPolicy(_telemetry, "queue"), _poison()),
            IStorageServiceClientProvider<BlobServiceClient, BlobClientOptions> blobs =>
                new PolicyClientProvider<BlobServiceClient, BlobClientOptions>(blobs, new StorageCallCountingPolicy(_telemetry, "blob")),
            IStorageServiceClientProvider<TableServiceClient, TableClientOptions> tables =>
                new PolicyClientProvider<TableServiceClient, TableClientOptions>(tables, new StorageCallCountingPolicy(_telemetry, "table")),
            _ => result,
        };
    }
}
