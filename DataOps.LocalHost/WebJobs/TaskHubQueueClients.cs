using System.Reflection;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// Puts <see cref="TaskHubPoisonPolicy"/> into the queue clients the Durable extension builds for the task hub. The
/// extension creates them through its storage client provider factory, an internal service with no public seam (for a
/// connection string it does not go through the Azure client factory), so this proxy stands in for it: every call is
/// the extension's own, and the queue client provider it returns is wrapped in a
/// <see cref="PoisonAwareQueueClientProvider"/>.
/// </summary>
internal class TaskHubQueueClients : DispatchProxy
{
    /// <summary>The extension's storage client provider factory service.</summary>
    public static readonly Type ServiceType = Type.GetType(
        "Microsoft.Azure.WebJobs.Extensions.DurableTask.Storage.IStorageServiceClientProviderFactory, Microsoft.Azure.WebJobs.Extensions.DurableTask",
        throwOnError: true)!;

    private object _inner = null!;
    private Func<TaskHubPoisonPolicy> _policy = null!;

    public static object Create(object inner, Func<TaskHubPoisonPolicy> policy)
    {
        var proxy = (TaskHubQueueClients)Create(ServiceType, typeof(TaskHubQueueClients));
        proxy._inner = inner;
        proxy._policy = policy;
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
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        return result is IStorageServiceClientProvider<QueueServiceClient, QueueClientOptions> queues
            ? new PoisonAwareQueueClientProvider(queues, _policy())
            : result;
    }
}
