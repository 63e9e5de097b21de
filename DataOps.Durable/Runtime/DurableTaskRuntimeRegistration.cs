using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataOps.Durable.Runtime;

/// <summary>Wires the Azure Storage runtime (task hub, worker, client) into dependency injection.</summary>
internal static class DurableTaskRuntimeRegistration
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<DurableTaskOptions>, DurableTaskOptionsValidator>();
    }
}
