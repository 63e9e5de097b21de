using DataOps.GleanEmulator.Contracts;
using DataOps.GleanEmulator.Search;
using DataOps.GleanEmulator.Validation;

namespace DataOps.GleanEmulator.State;

/// <summary>
/// The emulated Glean deployment: datasources, their documents and upload sessions. One lock guards it
/// all; the emulator serves a handful of clients, so simplicity wins over fine-grained locking.
/// </summary>
internal sealed partial class EmulatorState(GleanEmulatorOptions options, TimeProvider time)
{
    private const int MaxProblemsInMessage = 20;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DatasourceState> _datasources = new(StringComparer.Ordinal);

    /// <summary>Raised (outside the lock) after every change, so the snapshot writer knows to save.</summary>
    public event Action? Changed;

    public OperationResult AddDatasource(CustomDatasourceConfig? config)
    {
        if (config is null)
        {
            return OperationResult.BadRequest("request body must be a CustomDatasourceConfig");
        }

        var problems = ConfigValidator.Validate(config);
        if (problems.Count > 0)
        {
            return OperationResult.BadRequest(Join(problems));
        }

        lock (_gate)
        {
            if (_datasources.TryGetValue(config.Name!, out var existing))
            {
                existing.Config = config;
            }
            else
            {
                _datasources[config.Name!] = new DatasourceState(config);
            }
        }

        Changed?.Invoke();
        return OperationResult.Ok();
    }

    public OperationResult GetDatasourceConfig(DatasourceRequest? request) =>
        Read(request?.Datasource, ds => OperationResult.Ok(ds.Config));

    public OperationResult SetBetaUsers(BetaUsersRequest? request)
    {
        var emails = request?.Emails ?? [];
        var bad = emails.Where(e => string.IsNullOrWhiteSpace(e) || !e.Contains('@', StringComparison.Ordinal)).ToList();
        if (bad.Count > 0)
        {
            return OperationResult.BadRequest($"emails must be e-mail addresses; invalid: {string.Join(", ", bad)}");
        }

        return Write(request?.Datasource, ds =>
        {
            ds.BetaUsers.Clear();
            ds.BetaUsers.AddRange(emails.Distinct(StringComparer.OrdinalIgnoreCase));
            return OperationResult.Ok();
        });
    }

    public OperationResult IndexDocuments(IndexDocumentsRequest? request)
    {
        var documents = request?.Documents ?? [];
        return Write(request?.Datasource, ds =>
        {
            var problems = DocumentValidator.Validate(documents, ds);
            if (problems.Count > 0)
            {
                return OperationResult.BadRequest(Join(problems));
            }

            var now = time.GetUtcNow();
            foreach (var document in documents)
            {
                ds.Documents[document.Id!] = new StoredDocument(document, now, null);
            }

            return OperationResult.Ok();
        });
    }

    public OperationResult DeleteDocument(DeleteDocumentRequest? request)
    {
        if (string.IsNullOrEmpty(request?.Id) || string.IsNullOrEmpty(request.ObjectType))
        {
            return OperationResult.BadRequest("datasource, objectType and id are required");
        }

        return Write(request.Datasource, ds =>
        {
            if (ds.Documents.TryGetValue(request.Id, out var stored) && stored.ObjectType == request.ObjectType)
            {
                ds.Documents.Remove(request.Id);
            }

            return OperationResult.Ok();
        });
    }

    public OperationResult GetStatus(string datasource, bool unhealthy) => Read(datasource, ds =>
    {
        var uploaded = CountByType(ds.Documents.Values);
        var indexed = unhealthy ? [] : uploaded;
        var history = ds.Uploads
            .Select(u => new BulkUploadHistoryEntry(u.UploadId, Iso(u.StartTime)!, Iso(u.EndTime), u.Status))
            .ToList();
        return OperationResult.Ok(new DebugStatusResponse(
            new DebugDocumentsStatus(history, new DocumentCounts(uploaded, indexed)),
            ds.Visibility));
    });

    public OperationResult GetDocumentStatus(string datasource, DebugDocumentRequest? request, bool unhealthy)
    {
        if (string.IsNullOrEmpty(request?.DocId) || string.IsNullOrEmpty(request.ObjectType))
        {
            return OperationResult.BadRequest("objectType and docId are required");
        }

        return Read(datasource, ds =>
        {
            if (!ds.Documents.TryGetValue(request.DocId, out var stored) || stored.ObjectType != request.ObjectType)
            {
                return OperationResult.Ok(new DebugDocumentResponse(new DebugDocumentStatus("NOT_UPLOADED", null, "STATUS_UNKNOWN", null)));
            }

            var uploadedAt = Iso(stored.UploadedAt);
            return OperationResult.Ok(new DebugDocumentResponse(unhealthy
                ? new DebugDocumentStatus("UPLOADED", uploadedAt, "NOT_INDEXED", null)
                : new DebugDocumentStatus("UPLOADED", uploadedAt, "INDEXED", uploadedAt)));
        });
    }

    /// <summary>
    /// Runs <paramref name="action"/> over a stable copy of the documents <paramref name="user"/> may find in the named
    /// datasources (all when empty): see <see cref="SearchVisibility"/>.
    /// </summary>
    public T ReadDocuments<T>(IReadOnlyCollection<string> datasources, string user, Func<IReadOnlyList<StoredDocument>, T> action)
    {
        lock (_gate)
        {
            var selected = _datasources.Values
                .Where(ds => datasources.Count == 0 || datasources.Contains(ds.Name, StringComparer.OrdinalIgnoreCase))
                .Where(ds => SearchVisibility.CanSee(ds, user))
                .SelectMany(ds => ds.Documents.Values)
                .Where(d => SearchVisibility.Admits(d.Definition.Permissions, user))
                .ToList();
            return action(selected);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _datasources.Clear();
        }

        Changed?.Invoke();
    }

    private static List<ObjectTypeCount> CountByType(IEnumerable<StoredDocument> documents) =>
        documents.GroupBy(d => d.ObjectType, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ObjectTypeCount(g.Key, g.Count()))
            .ToList();

    private static string? Iso(DateTimeOffset? value) => value?.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static string Join(IReadOnlyList<string> problems) =>
        problems.Count <= MaxProblemsInMessage
            ? string.Join("; ", problems)
            : string.Join("; ", problems.Take(MaxProblemsInMessage)) + $"; and {problems.Count - MaxProblemsInMessage} more";

    private OperationResult Read(string? datasource, Func<DatasourceState, OperationResult> action)
    {
        if (string.IsNullOrEmpty(datasource))
        {
            return OperationResult.BadRequest("datasource is required");
        }

        lock (_gate)
        {
            return _datasources.TryGetValue(datasource, out var ds) ? action(ds) : OperationResult.UnknownDatasource(datasource);
        }
    }

    private OperationResult Write(string? datasource, Func<DatasourceState, OperationResult> action)
    {
        var result = Read(datasource, action);
        if (result.IsSuccess)
        {
            Changed?.Invoke();
        }

        return result;
    }
}
