using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using DataOps.Domain.Datasets;
using DataOps.MockData.Catalog;
using DataOps.MockData.Generation;
using DataOps.MockData.Records;
using DataOps.MockData.Templates;
using DataOps.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataOps.Benchmarks.MockData;

/// <summary>
/// Mock-data throughput: records generated (and serialised to JSON lines, as the uploader needs them) per second
/// for each dataset type, the time to generate the 2000-message Slack sandbox, and template discovery of the
/// whole tree, both file-side and into the catalog table on a private Azurite.
/// </summary>
public sealed class MockDataBenchmarkSuite : IBenchmarkSuite
{
    private const int Runs = 7;
    private static readonly DateTimeOffset BaseDate = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public string Name => "mockdata";

    /// <inheritdoc />
    public string Description => "records/s per dataset type, 2000-message Slack dataset, discovery of all templates";

    /// <inheritdoc />
    public async Task RunAsync(TextWriter output, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var root = TemplateRootLocator.Resolve(null, AppContext.BaseDirectory);
        var templates = TemplateScanner.Scan(root).Where(r => r.IsValid).Select(r => r.Template!).ToList();
        var generator = new MockDataGenerator();

        await output.WriteLineAsync("Wall-clock figures depend on machine load; CPU figures (process CPU time) are steadier on a shared machine.");
        await output.WriteLineAsync($"{"dataset type",-18} {"template",-48} {"records",8} {"median ms",10} {"records/s",12} {"rec/CPU-s",12} {"KB/record",10}");
        foreach (var type in Enum.GetValues<DatasetType>())
        {
            foreach (var template in templates.Where(t => t.Metadata.DatasetType == type && t.Metadata.Industry is "generic" or "healthcare").Take(2))
            {
                var count = MockDataGenerator.RecordCountFor(template, null);
                var bytes = new CountingStream();
                var (median, cpu) = await MedianAsync(async () =>
                {
                    bytes.Reset();
                    await RecordJsonWriter.WriteLinesAsync(generator.Generate(template, new GenerationRequest("bench-client", count, BaseDate)), bytes, cancellationToken);
                });
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{type.ToWireName(),-18} {template.Id,-48} {count,8} {median.TotalMilliseconds,10:F1} {count / median.TotalSeconds,12:N0} {count / cpu.TotalSeconds,12:N0} {bytes.Length / 1024.0 / count,10:F2}"));
            }
        }

        var slack = templates.First(t => t.Id == "generic.general.slack_messages");
        var (slackTime, slackCpu) = await MedianAsync(() => RecordJsonWriter.WriteLinesAsync(generator.Generate(slack, new GenerationRequest("ACME", 2000, BaseDate)), Stream.Null, cancellationToken));
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"2000-message Slack dataset (generate + serialise): {slackTime.TotalMilliseconds:F1} ms wall, {slackCpu.TotalMilliseconds:F1} ms CPU, median of {Runs}"));

        var (scanTime, scanCpu) = await MedianAsync(() =>
        {
            _ = TemplateScanner.Scan(root).Count(r => r.IsValid);
            return Task.CompletedTask;
        });
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"template scan + parse + validate ({templates.Count} files): {scanTime.TotalMilliseconds:F1} ms wall, {scanCpu.TotalMilliseconds:F1} ms CPU, median of {Runs}"));

        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("benchtemplatecatalog");
        var discovery = new TemplateDiscoveryService(new TemplateCatalogStore(table), new TemplateLibrary(), NullLogger<TemplateDiscoveryService>.Instance);
        var first = Stopwatch.StartNew();
        var report = await discovery.DiscoverAsync(root, cancellationToken);
        first.Stop();
        var (rescan, _) = await MedianAsync(() => discovery.DiscoverAsync(root, cancellationToken));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"discovery into the catalog on Azurite, first scan ({report.Registered} registered, with previews and statistics): {first.Elapsed.TotalMilliseconds:F0} ms"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"idempotent rescan (all unchanged): {rescan.TotalMilliseconds:F0} ms median of {Runs}"));
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> MedianAsync(Func<Task> action)
    {
        await action();
        using var process = Process.GetCurrentProcess();
        var wall = new List<TimeSpan>(Runs);
        var cpu = new List<TimeSpan>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await action();
            wall.Add(watch.Elapsed);
            process.Refresh();
            cpu.Add(process.TotalProcessorTime - cpuBefore);
        }

        wall.Sort();
        cpu.Sort();
        return (wall[Runs / 2], cpu[Runs / 2]);
    }

    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public void Reset() => Position = 0;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Position += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;

        public override void WriteByte(byte value) => Position++;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
