using DataOps.Durable.Hosting.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Durable.Hosting;

/// <summary>Registers one background listener per queue and timer function.</summary>
internal static class HostListeners
{
    public static void Add(IServiceCollection services, IReadOnlyList<FunctionDefinition> functions)
    {
        _ = services;
        _ = functions;
    }
}
