using DataOps.GleanEmulator.Contracts;

namespace DataOps.GleanEmulator.State;

internal sealed partial class EmulatorState
{
    public IReadOnlyList<AdminDatasourceView> DescribeAll()
    {
        lock (_gate)
        {
            return _datasources.Values.OrderBy(d => d.Name, StringComparer.Ordinal).Select(Describe).ToList();
        }
    }

    public AdminDatasourceView? Describe(string name)
    {
        lock (_gate)
        {
            return _datasources.TryGetValue(name, out var ds) ? Describe(ds) : null;
        }
    }

    public IReadOnlyList<DocumentDefinition>? ListDocuments(string name)
    {
        lock (_gate)
        {
            return _datasources.TryGetValue(name, out var ds)
                ? ds.Documents.Values.Select(d => d.Definition).OrderBy(d => d.Id, StringComparer.OrdinalIgnoreCase).ToList()
                : null;
        }
    }

    public EmulatorSnapshot Export()
    {
        lock (_gate)
        {
            return new EmulatorSnapshot(_datasources.Values.Select(ds => new SnapshotDatasource(
                ds.Config,
                [.. ds.BetaUsers],
                [.. ds.Documents.Values],
                ds.Uploads.Select(u => new SnapshotUpload(
                    u.UploadId, u.StartTime, u.EndTime, u.Status, [.. u.Pages], [.. u.SeenIds], u.StaleDeleted, u.StaleHeld)).ToList())).ToList());
        }
    }

    public void Import(EmulatorSnapshot snapshot)
    {
        lock (_gate)
        {
            _datasources.Clear();
            foreach (var saved in snapshot.Datasources)
            {
                var ds = new DatasourceState(saved.Config);
                ds.BetaUsers.AddRange(saved.BetaUsers);
                foreach (var document in saved.Documents)
                {
                    ds.Documents[document.Id] = document;
                }

                foreach (var upload in saved.Uploads)
                {
                    var record = new UploadRecord { UploadId = upload.UploadId, StartTime = upload.StartTime };
                    record.EndTime = upload.EndTime;
                    record.Status = upload.Status;
                    record.Pages.AddRange(upload.Pages);
                    record.SeenIds.UnionWith(upload.SeenIds);
                    record.StaleDeleted = upload.StaleDeleted;
                    record.StaleHeld = upload.StaleHeld;
                    ds.Uploads.Add(record);
                }

                _datasources[ds.Name] = ds;
            }
        }
    }

    private static AdminDatasourceView Describe(DatasourceState ds) => new(
        ds.Name,
        ds.Config,
        ds.Visibility,
        [.. ds.BetaUsers],
        ds.Documents.Count,
        CountByType(ds.Documents.Values),
        ds.Uploads.Select(u => new AdminUploadView(
            u.UploadId, u.Status, u.StartTime, u.EndTime, [.. u.Pages], u.SeenIds.Count, u.StaleDeleted, u.StaleHeld)).ToList());
}
