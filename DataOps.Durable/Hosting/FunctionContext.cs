using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataOps.Durable.Hosting;

/// <summary>The invocation a function runs in: its name, id, services, logger and cancellation.</summary>
public sealed class FunctionContext
{
    internal FunctionContext(string functionName, IServiceProvider instanceServices, CancellationToken cancellationToken)
    {
        FunctionName = functionName;
        InvocationId = Guid.NewGuid().ToString("N");
        InstanceServices = instanceServices;
        CancellationToken = cancellationToken;
        Logger = GetLogger("Function." + functionName);
    }

    /// <summary>The function name from <see cref="FunctionAttribute"/>.</summary>
    public string FunctionName { get; }

    /// <summary>A unique id for this invocation; HTTP error responses carry it as the correlation id.</summary>
    public string InvocationId { get; }

    /// <summary>The scoped services of this invocation.</summary>
    public IServiceProvider InstanceServices { get; }

    /// <summary>A logger whose category is <c>Function.{FunctionName}</c>.</summary>
    public ILogger Logger { get; }

    /// <summary>Cancelled when the host stops, the caller disconnects or <c>functionTimeout</c> elapses.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Creates a logger with the given category.</summary>
    /// <param name="categoryName">The logger category.</param>
    /// <returns>The logger.</returns>
    public ILogger GetLogger(string categoryName) =>
        InstanceServices.GetRequiredService<ILoggerFactory>().CreateLogger(categoryName);
}
