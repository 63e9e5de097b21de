using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using DataOps.LocalHost.Hosting.Indexing;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.LocalHost.Hosting.Invocation;

/// <summary>
/// The worker's <see cref="FunctionContext"/> for one invocation on this host: function name and entry point, a new
/// invocation id, the invocation's scoped services, the trigger's binding data and the invocation's cancellation.
/// </summary>
internal sealed class HostFunctionContext : FunctionContext
{
    public HostFunctionContext(
        IndexedFunction function,
        IServiceProvider instanceServices,
        CancellationToken cancellationToken)
    {
        InvocationId = Guid.NewGuid().ToString("N");
        FunctionDefinition = new HostFunctionDefinition(function);
        InstanceServices = instanceServices;
        CancellationToken = cancellationToken;
        Logger = instanceServices.GetRequiredService<ILoggerFactory>().CreateLogger("Function." + function.Name);
    }

    /// <inheritdoc />
    public override string InvocationId { get; }

    /// <inheritdoc />
    public override string FunctionId => FunctionDefinition.Id;

    /// <inheritdoc />
    public override TraceContext TraceContext { get; } = new HostTraceContext(Activity.Current);

    /// <inheritdoc />
    public override BindingContext BindingContext => _bindingContext;

    /// <inheritdoc />
    public override RetryContext RetryContext { get; } = new NoRetryContext();

    /// <inheritdoc />
    public override IServiceProvider InstanceServices { get; set; }

    /// <inheritdoc />
    public override FunctionDefinition FunctionDefinition { get; }

    /// <inheritdoc />
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    /// <inheritdoc />
    public override IInvocationFeatures Features { get; } = new HostInvocationFeatures();

    /// <inheritdoc />
    public override CancellationToken CancellationToken { get; }

    /// <summary>A logger whose category is <c>Function.{name}</c>.</summary>
    public ILogger Logger { get; }

    private readonly HostBindingContext _bindingContext = new();

    /// <summary>Sets the trigger's binding data (route values, queue message metadata).</summary>
    public void SetBindingData(IReadOnlyDictionary<string, object?> data) => _bindingContext.Data = data;

    private sealed class HostBindingContext : BindingContext
    {
        public IReadOnlyDictionary<string, object?> Data { get; set; } = ImmutableDictionary<string, object?>.Empty;

        public override IReadOnlyDictionary<string, object?> BindingData => Data;
    }

    private sealed class HostFunctionDefinition(IndexedFunction function) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters { get; } =
        [
            .. function.Method.GetParameters().Select(p => new FunctionParameter(p.Name ?? string.Empty, p.ParameterType, p.HasDefaultValue, p.HasDefaultValue ? p.DefaultValue : null)),
        ];

        public override string PathToAssembly => function.ClassType.Assembly.Location;

        public override string EntryPoint => $"{function.ClassType.FullName}.{function.Method.Name}";

        public override string Id => function.Name;

        public override string Name => function.Name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class HostTraceContext(Activity? activity) : TraceContext
    {
        public override string TraceParent { get; } = activity?.Id ?? string.Empty;

        public override string TraceState { get; } = activity?.TraceStateString ?? string.Empty;
    }

    private sealed class NoRetryContext : RetryContext
    {
        public override int RetryCount => 0;

        public override int MaxRetryCount => 0;
    }

    private sealed class HostInvocationFeatures : IInvocationFeatures
    {
        private readonly ConcurrentDictionary<Type, object> _features = new();

        public void Set<T>(T instance)
        {
            if (instance is null)
            {
                _features.TryRemove(typeof(T), out _);
            }
            else
            {
                _features[typeof(T)] = instance;
            }
        }

        public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
