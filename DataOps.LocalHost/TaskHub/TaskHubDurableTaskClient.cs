using System.Diagnostics;
using System.Globalization;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using DurableTask.Core.Tracing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreOrchestrationQuery = DurableTask.Core.Query.OrchestrationQuery;
using CorePurgeResult = DurableTask.Core.PurgeResult;
using CoreStatus = DurableTask.Core.OrchestrationStatus;
using OrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace DataOps.LocalHost.TaskHub;

/// <summary>
/// A <see cref="DurableTaskClient"/> that talks to a task hub directly through DurableTask.Core's client side
/// (<see cref="IOrchestrationServiceClient"/>, e.g. an <c>AzureStorageOrchestrationService</c>), for hosts that run
/// the <see cref="TaskHubWorker"/> in the same process instead of behind a gRPC sidecar.
/// </summary>
/// <remarks>
/// <para>
/// Payloads: inputs, event payloads and termination outputs are serialized here with the options'
/// <see cref="DurableTaskClientOptions.DataConverter"/> and handed to the backend as finished strings. The worker
/// shims deserialize them with the same converter. DurableTask.Core's own <see cref="TaskHubClient"/> is not used
/// for these calls because it serializes again with its Newtonsoft-based converter, which would turn the JSON text
/// into a JSON string literal that the SDK could no longer read back.
/// </para>
/// <para>
/// Waiting: the backend has no change notification, so <see cref="WaitForInstanceStartAsync(string, bool, CancellationToken)"/>
/// and <see cref="WaitForInstanceCompletionAsync(string, bool, CancellationToken)"/> read the instance with a
/// growing pause (see <see cref="TaskHubDurableTaskClientOptions"/>) until the state is reached or the token is
/// cancelled.
/// </para>
/// <para>
/// Not supported: durable entities, recursive terminate or purge, rewind, history retrieval and listing
/// instance ids by completed time; those members throw <see cref="NotSupportedException"/>.
/// </para>
/// </remarks>
internal sealed class TaskHubDurableTaskClient : DurableTaskClient
{
    /// <summary>Longest instance id the Azure Storage backend (and Durable Functions) accepts.</summary>
    public const int MaxInstanceIdLength = 100;

    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    private readonly IOrchestrationServiceClient _service;
    private readonly TaskHubDurableTaskClientOptions _options;

    /// <summary>Creates a client over <paramref name="service"/>.</summary>
    /// <param name="name">The client's name (<see cref="DurableTaskClient.Name"/>).</param>
    /// <param name="service">
    /// The task hub's client side. Querying needs it to implement <see cref="IOrchestrationServiceQueryClient"/>
    /// and purging <see cref="IOrchestrationServicePurgeClient"/>; <c>AzureStorageOrchestrationService</c> does both.
    /// The client does not own it: the host creates, starts and disposes it.
    /// </param>
    /// <param name="options">Converter, default version and polling; defaults when <c>null</c>.</param>
    public TaskHubDurableTaskClient(string name, IOrchestrationServiceClient service, TaskHubDurableTaskClientOptions? options = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
        _options = options ?? new TaskHubDurableTaskClientOptions();
        if (_options.MinimumPollingInterval <= TimeSpan.Zero || _options.MaximumPollingInterval < _options.MinimumPollingInterval)
        {
            throw new ArgumentException(
                "Polling intervals must be positive and the maximum must not be below the minimum.", nameof(options));
        }
    }

    private DataConverter Converter => _options.DataConverter;

    /// <inheritdoc />
    /// <remarks>
    /// <para>
    /// When <see cref="StartOrchestrationOptions.DedupeStatuses"/> is <c>null</c>, an instance that has not finished
    /// (Pending, Running, Suspended, ContinuedAsNew) keeps its id: the call throws
    /// <see cref="OrchestrationAlreadyExistsException"/>, as Durable Functions does by default. A finished instance
    /// is replaced by a new execution.
    /// </para>
    /// <para>
    /// The check reads the instance before writing, because the Azure Storage backend drops a refused start silently
    /// unless its <c>ThrowExceptionOnInvalidDedupeStatus</c> setting is on. The statuses are also passed to the
    /// backend, which closes the race between two concurrent starts when that setting is on.
    /// </para>
    /// </remarks>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default)
    {
        if (string.IsNullOrEmpty(orchestratorName.Name))
        {
            throw new ArgumentNullException(nameof(orchestratorName), "The orchestrator name must not be empty.");
        }

        cancellation.ThrowIfCancellationRequested();
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ValidateInstanceId(instanceId);
        var dedupeStatuses = ParseDedupeStatuses(options?.DedupeStatuses);
        var serializedInput = Converter.Serialize(input);

        await MakeRoomForNewInstanceAsync(instanceId, dedupeStatuses, cancellation);

        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        var started = new ExecutionStartedEvent(-1, serializedInput)
        {
            Name = orchestratorName.Name,
            Version = options?.Version ?? _options.DefaultVersion ?? string.Empty,
            OrchestrationInstance = instance,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
            Tags = options?.Tags is { Count: > 0 } tags ? new Dictionary<string, string>(tags) : null,
            ParentTraceContext = CallerTraceContext(),
        };

        cancellation.ThrowIfCancellationRequested();
        await _service.CreateTaskOrchestrationAsync(
            new TaskMessage { OrchestrationInstance = instance, Event = started },
            [.. dedupeStatuses]);
        return instanceId;
    }

    /// <inheritdoc />
    public override Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var raised = new EventRaisedEvent(-1, Converter.Serialize(eventPayload))
        {
            Name = eventName,
            ParentTraceContext = CallerTraceContext(),
        };
        return SendAsync(instanceId, raised, cancellation);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The output is serialized with the data converter and becomes the instance's output, so
    /// <see cref="OrchestrationMetadata.ReadOutputAs{T}"/> reads it back. Recursive termination of
    /// sub-orchestrations is not supported.
    /// </remarks>
    public override Task TerminateInstanceAsync(
        string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (options?.Recursive == true)
        {
            throw new NotSupportedException($"{nameof(TaskHubDurableTaskClient)} does not terminate sub-orchestrations recursively.");
        }

        cancellation.ThrowIfCancellationRequested();

        // The backend turns the "reason" into the ExecutionTerminatedEvent's input, which the tracking store keeps
        // as the instance's output: handing it the serialized output keeps it readable by the SDK.
        return _service.ForceTerminateTaskOrchestrationAsync(instanceId, Converter.Serialize(options?.Output));
    }

    /// <inheritdoc />
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);
    }

    /// <inheritdoc />
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return SendAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);
    }

    /// <inheritdoc />
    /// <remarks>
    /// With <paramref name="getInputsAndOutputs"/>, a failed instance also carries its
    /// <see cref="OrchestrationMetadata.FailureDetails"/> (type, message, stack trace, inner failures); the Azure
    /// Storage backend keeps those only in the history, which costs one more read for failed instances.
    /// </remarks>
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var state = await ReadStateAsync(instanceId, cancellation);
        return state is null ? null : await ToMetadataAsync(state, getInputsAndOutputs);
    }

    /// <inheritdoc />
    /// <remarks>The history of the instance's current execution, as the backend stores it.</remarks>
    public override async Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        var state = await ReadStateAsync(instanceId, cancellation)
            ?? throw new ArgumentException($"No orchestration instance has the id '{instanceId}'.", nameof(instanceId));
        cancellation.ThrowIfCancellationRequested();
        return HistoryEventReader.Read(await _service.GetOrchestrationHistoryAsync(instanceId, state.OrchestrationInstance.ExecutionId));
    }

    /// <inheritdoc />
    /// <remarks>
    /// With <see cref="OrchestrationQuery.FetchInputsAndOutputs"/>, failed instances carry the error type and
    /// message of their failure (not the stack trace: read the instance for that, so a page of failures does not
    /// cost a history read each). Needs the service to implement <see cref="IOrchestrationServiceQueryClient"/>.
    /// </remarks>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        // Resolved now so an unsupported backend fails at the call, not at the first enumeration.
        var queries = Require<IOrchestrationServiceQueryClient>("querying instances");
        var fetchPayloads = filter?.FetchInputsAndOutputs ?? false;
        return Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var query = new CoreOrchestrationQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(s => s.ToCore()).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                TaskHubNames = filter?.TaskHubNames?.ToList(),
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = fetchPayloads,
            };
            var result = await queries.GetOrchestrationWithQueryAsync(query, cancellation);
            var page = result.OrchestrationState
                .Where(s => s is not null)
                .Select(s => ToMetadata(s, fetchPayloads, fetchPayloads ? FailureFromState(s) : null))
                .ToList();

            // An empty continuation token means "no more pages" to the SDK's pager; normalize the backend's "".
            return new Page<OrchestrationMetadata>(page, string.IsNullOrEmpty(result.ContinuationToken) ? null : result.ContinuationToken);
        });
    }

    /// <inheritdoc />
    /// <remarks>
    /// Waits while the instance is Pending, and also while it does not exist yet (as the Durable Functions host
    /// does), so give a cancellation token that bounds the wait.
    /// </remarks>
    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var state = await PollAsync(instanceId, s => s.OrchestrationStatus != CoreStatus.Pending, cancellation);
        return await ToMetadataAsync(state, getInputsAndOutputs);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Waits until the instance is Completed, Failed, Terminated or Canceled, also while it does not exist yet; give
    /// a cancellation token that bounds the wait.
    /// </remarks>
    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var state = await PollAsync(instanceId, s => OrchestrationStatusConversions.Terminal.Contains(s.OrchestrationStatus), cancellation);
        return await ToMetadataAsync(state, getInputsAndOutputs);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Refuses an instance that has not finished (the Azure Storage backend would delete it regardless).
    /// Needs the service to implement <see cref="IOrchestrationServicePurgeClient"/>.
    /// </remarks>
    public override async Task<PurgeResult> PurgeInstanceAsync(
        string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        RefuseRecursivePurge(options);
        var purger = Require<IOrchestrationServicePurgeClient>("purging instances");
        var state = await ReadStateAsync(instanceId, cancellation);
        if (state is null)
        {
            return new PurgeResult(0);
        }

        if (!OrchestrationStatusConversions.Terminal.Contains(state.OrchestrationStatus))
        {
            throw new InvalidOperationException(
                $"Only a finished orchestration can be purged; instance '{instanceId}' is {state.OrchestrationStatus.FromCore()}.");
        }

        cancellation.ThrowIfCancellationRequested();
        return FromCore(await purger.PurgeInstanceStateAsync(instanceId));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Purges only finished instances: without statuses the filter means every terminal status, and non-terminal
    /// statuses in it are ignored. This guard matters because the Azure Storage backend drops non-terminal statuses
    /// from the filter and, when none is left, deletes every instance in the time range, running ones included.
    /// Needs the service to implement <see cref="IOrchestrationServicePurgeClient"/>.
    /// </remarks>
    public override async Task<PurgeResult> PurgeAllInstancesAsync(
        PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        RefuseRecursivePurge(options);
        var purger = Require<IOrchestrationServicePurgeClient>("purging instances");
        var statuses = filter.Statuses is null
            ? OrchestrationStatusConversions.Terminal.ToList()
            : filter.Statuses.Select(s => s.ToCore()).Where(OrchestrationStatusConversions.Terminal.Contains).Distinct().ToList();
        if (statuses.Count == 0)
        {
            return new PurgeResult(0, isComplete: true);
        }

        cancellation.ThrowIfCancellationRequested();
        var coreFilter = new PurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue,
            filter.CreatedTo?.UtcDateTime,
            statuses)
        {
            Timeout = filter.Timeout,
        };
        return FromCore(await purger.PurgeInstanceStateAsync(coreFilter));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Starts the instance again with its original name, version and serialized input (not re-serialized). With the
    /// same id, an instance that has not finished is terminated first and the call waits until it has.
    /// </remarks>
    public override async Task<string> RestartAsync(
        string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var state = await ReadStateAsync(instanceId, cancellation)
            ?? throw new ArgumentException($"No orchestration instance '{instanceId}' was found.", nameof(instanceId));

        var newId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        if (!restartWithNewInstanceId)
        {
            await MakeRoomForNewInstanceAsync(instanceId, new HashSet<CoreStatus>(), cancellation);
        }

        var instance = new OrchestrationInstance { InstanceId = newId, ExecutionId = Guid.NewGuid().ToString("N") };
        var started = new ExecutionStartedEvent(-1, state.Input)
        {
            Name = state.Name,
            Version = state.Version ?? string.Empty,
            OrchestrationInstance = instance,
            Tags = state.Tags is { Count: > 0 } tags ? new Dictionary<string, string>(tags) : null,
        };
        cancellation.ThrowIfCancellationRequested();
        await _service.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, []);
        return newId;
    }

    /// <inheritdoc />
    /// <remarks>The client does not own the orchestration service; the host disposes it.</remarks>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Applies Durable Functions' instance id rules, so an id that works here works when the app runs under the
    /// Functions host too: not empty, at most <see cref="MaxInstanceIdLength"/> characters, no leading '@'
    /// (reserved for entities), and none of '/', '\', '#', '?' or control characters (they are not allowed in the
    /// table keys the Azure Storage backend files instances under).
    /// </summary>
    private static void ValidateInstanceId(string instanceId)
    {
        if (instanceId.Length == 0)
        {
            throw new ArgumentException("The instance id must not be empty.", nameof(instanceId));
        }

        if (instanceId.Length > MaxInstanceIdLength)
        {
            throw new ArgumentException(
                $"The instance id has {instanceId.Length} characters; at most {MaxInstanceIdLength} are allowed.", nameof(instanceId));
        }

        if (instanceId[0] == '@')
        {
            throw new ArgumentException("Instance ids starting with '@' are reserved for durable entities.", nameof(instanceId));
        }

        foreach (var c in instanceId)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The instance id must not contain '/', '\\', '#', '?' or control characters (found U+{(int)c:X4})."),
                    nameof(instanceId));
            }
        }
    }

    /// <summary>
    /// The statuses an existing instance may have for a start with the same id to be refused. <c>null</c> means
    /// the host default (every status of an instance that has not finished); an empty list means any instance may
    /// be replaced.
    /// </summary>
    private static IReadOnlySet<CoreStatus> ParseDedupeStatuses(IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return OrchestrationStatusConversions.NotFinished;
        }

        var statuses = new HashSet<CoreStatus>();
        foreach (var name in names)
        {
            if (!Enum.TryParse<OrchestrationRuntimeStatus>(name, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                throw new ArgumentException($"'{name}' is not an orchestration runtime status.", nameof(names));
            }

            statuses.Add(status.ToCore());
        }

        // Replacing a live instance means terminating it first, after which it would be refused as Terminated.
        if (statuses.Contains(CoreStatus.Terminated) && !OrchestrationStatusConversions.NotFinished.IsSubsetOf(statuses))
        {
            throw new ArgumentException(
                "Dedupe statuses that contain Terminated must also contain Pending, Running, Suspended and ContinuedAsNew.",
                nameof(names));
        }

        return statuses;
    }

    private static void RefuseRecursivePurge(PurgeInstanceOptions? options)
    {
        if (options?.Recursive == true)
        {
            throw new NotSupportedException($"{nameof(TaskHubDurableTaskClient)} does not purge sub-orchestrations recursively.");
        }
    }

    /// <summary>
    /// The caller's current span as W3C trace context, carried on the start or event message so the worker's spans
    /// for the instance join the caller's trace; <c>null</c> outside any trace.
    /// </summary>
    private static DistributedTraceContext? CallerTraceContext() =>
        Activity.Current is { Id: { } id } current && current.IdFormat == ActivityIdFormat.W3C
            ? new DistributedTraceContext(id, current.TraceStateString)
            : null;

    private static PurgeResult FromCore(CorePurgeResult result) => new(result.DeletedInstanceCount, result.IsComplete);

    private static DateTimeOffset ToUtcOffset(DateTime time) => time.Kind == DateTimeKind.Local
        ? new DateTimeOffset(time.ToUniversalTime())
        : new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    /// <summary>
    /// Refuses the start when an instance with this id has a dedupe status; when it has not finished but may be
    /// replaced, terminates it and waits until it has, so the new execution does not start on top of a live one.
    /// </summary>
    private async Task MakeRoomForNewInstanceAsync(string instanceId, IReadOnlySet<CoreStatus> dedupeStatuses, CancellationToken cancellation)
    {
        var existing = await ReadStateAsync(instanceId, cancellation);
        if (existing is null)
        {
            return;
        }

        if (dedupeStatuses.Contains(existing.OrchestrationStatus))
        {
            throw new OrchestrationAlreadyExistsException(
                $"An orchestration instance with id '{instanceId}' and status {existing.OrchestrationStatus.FromCore()} already exists.");
        }

        if (OrchestrationStatusConversions.NotFinished.Contains(existing.OrchestrationStatus))
        {
            await TerminateInstanceAsync(
                instanceId,
                new TerminateInstanceOptions { Output = $"Replaced by a new start of instance '{instanceId}'." },
                cancellation);
            await PollAsync(instanceId, s => OrchestrationStatusConversions.Terminal.Contains(s.OrchestrationStatus), cancellation);
        }
    }

    private async Task<OrchestrationState?> ReadStateAsync(string instanceId, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();

        // The Azure Storage backend answers an unknown id with a list holding one null, not an empty list.
        var states = await _service.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        return states?.FirstOrDefault(s => s is not null);
    }

    /// <summary>
    /// Reads the instance until <paramref name="done"/> holds, pausing between reads from the minimum polling
    /// interval, doubling up to the maximum: quick for short orchestrations, light on the store for long ones.
    /// </summary>
    private async Task<OrchestrationState> PollAsync(string instanceId, Func<OrchestrationState, bool> done, CancellationToken cancellation)
    {
        var pause = _options.MinimumPollingInterval;
        while (true)
        {
            var state = await ReadStateAsync(instanceId, cancellation);
            if (state is not null && done(state))
            {
                return state;
            }

            await Task.Delay(pause, cancellation);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, _options.MaximumPollingInterval.Ticks));
        }
    }

    private Task SendAsync(string instanceId, HistoryEvent historyEvent, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();

        // No execution id: the backend delivers the message to whichever execution of the instance is current.
        return _service.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = historyEvent,
        });
    }

    /// <summary>
    /// Failure details of a failed instance as far as its stored state tells: the backend's own details when it
    /// keeps them, else error type and message parsed from the output.
    /// </summary>
    private static TaskFailureDetails? FailureFromState(OrchestrationState state) =>
        state.OrchestrationStatus != CoreStatus.Failed
            ? null
            : FailureDetailsReader.FromCore(state.FailureDetails) ?? FailureDetailsReader.FromOutput(state.Output);

    /// <summary>
    /// Metadata of one instance. With payloads, a failed instance also gets its full failure details, read from the
    /// last event of its history when the instance store lacks them (one extra read, for failed instances only).
    /// </summary>
    private async Task<OrchestrationMetadata> ToMetadataAsync(OrchestrationState state, bool withPayloads)
    {
        TaskFailureDetails? failure = null;
        if (withPayloads && state.OrchestrationStatus == CoreStatus.Failed)
        {
            failure = FailureDetailsReader.FromCore(state.FailureDetails)
                ?? FailureDetailsReader.FromHistory(await ReadHistoryAsync(state.OrchestrationInstance))
                ?? FailureDetailsReader.FromOutput(state.Output);
        }

        return ToMetadata(state, withPayloads, failure);
    }

    private async Task<string?> ReadHistoryAsync(OrchestrationInstance instance)
    {
        try
        {
            return await _service.GetOrchestrationHistoryAsync(instance.InstanceId, instance.ExecutionId);
        }
        catch (Exception e) when (e is NotSupportedException or NotImplementedException)
        {
            // A backend without a history dump still yields type and message from the output.
            return null;
        }
    }

    /// <summary>
    /// Inputs, outputs, custom status and failure details only when asked for, as the Durable Functions host answers
    /// the SDK's gRPC client, so callers see the same metadata under either host.
    /// </summary>
    private OrchestrationMetadata ToMetadata(OrchestrationState state, bool withPayloads, TaskFailureDetails? failure) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            RuntimeStatus = state.OrchestrationStatus.FromCore(),
            CreatedAt = ToUtcOffset(state.CreatedTime),
            LastUpdatedAt = ToUtcOffset(state.LastUpdatedTime),
            SerializedInput = withPayloads ? state.Input : null,
            SerializedOutput = withPayloads ? state.Output : null,
            SerializedCustomStatus = withPayloads ? state.Status : null,
            DataConverter = withPayloads ? Converter : null,
            Tags = state.Tags is { Count: > 0 } tags ? new Dictionary<string, string>(tags) : NoTags,
            FailureDetails = failure,
        };

    private T Require<T>(string what)
        where T : class =>
        _service as T ?? throw new NotSupportedException(
            $"The orchestration service {_service.GetType().Name} does not support {what} ({typeof(T).Name}).");
}
