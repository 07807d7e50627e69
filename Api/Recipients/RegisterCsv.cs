using System.Globalization;
using System.Text;

namespace SmartPost.Api.Recipients;

/// <summary>A register line to import (id already normalised).</summary>
public sealed record RegisterEntry(RecipientIdType IdType, string Id, bool Exempt, DateOnly? Since, string? Reason, string Source);

/// <summary>What is wrong with one CSV line, naming the line (1-based, header = 1) and the field.</summary>
public sealed record RegisterCsvError(int Line, string Field, string Message);

/// <summary>
/// The register's CSV format: header <c>idType,id,exempt,since,reason,source</c>; fields may be double-quoted
/// (reasons contain commas). Every line is validated; any error means nothing is imported.
/// </summary>
public static class RegisterCsv
{
    public static readonly string[] Columns = ["idType", "id", "exempt", "since", "reason", "source"];
    private const int MaxErrors = 50;

    public static (IReadOnlyList<RegisterEntry> Entries, IReadOnlyList<RegisterCsvError> Errors) Parse(string text)
    {
        var entries = new List<RegisterEntry>();
        var errors = new List<RegisterCsvError>();
        var seen = new Dictionary<(RecipientIdType, string), int>();
        var lines = text.Replace("\r\n", "\n").Split('\n');

        if (lines.Length == 0 || !SplitLine(lines[0].TrimStart('\uFEFF')).Select(c => c.Trim()).SequenceEqual(Columns, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(new RegisterCsvError(1, "header", $"Første linje skal være '{string.Join(',', Columns)}'."));
            return (entries, errors);
        }

        for (var i = 1; i < lines.Length && errors.Count < MaxErrors; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]) || lines[i].TrimStart().StartsWith('#')) continue;
            var lineNumber = i + 1;
            var before = errors.Count;
            var entry = ParseLine(SplitLine(lines[i]), lineNumber, errors);
            if (entry is null || errors.Count > before) continue;
            if (seen.TryGetValue((entry.IdType, entry.Id), out var first))
            {
                errors.Add(new RegisterCsvError(lineNumber, "id", $"Samme id som linje {first}."));
                continue;
            }
            seen[(entry.IdType, entry.Id)] = lineNumber;
            entries.Add(entry);
        }
        if (entries.Count == 0 && errors.Count == 0)
        {
            errors.Add(new RegisterCsvError(2, "id", "Filen har ingen linjer efter overskriften."));
        }
        return (entries, errors);
    }

    private static RegisterEntry? ParseLine(IReadOnlyList<string> cells, int line, List<RegisterCsvError> errors)
    {
        if (cells.Count != Columns.Length)
        {
            errors.Add(new RegisterCsvError(line, "line", $"{cells.Count} felter, forventede {Columns.Length}."));
            return null;
        }
        string Cell(int index) => cells[index].Trim();

        if (!Enum.TryParse<RecipientIdType>(Cell(0), ignoreCase: false, out var idType) || !Enum.IsDefined(idType))
        {
            errors.Add(new RegisterCsvError(line, "idType", $"'{Cell(0)}' er hverken CPR eller CVR."));
            return null;
        }
        if (!RecipientId.IsValid(idType, Cell(1)))
        {
            // The invalid value is not echoed: it may be a (mistyped) CPR number.
            errors.Add(new RegisterCsvError(line, "id", $"Ugyldigt {idType}-nummer."));
        }
        if (!bool.TryParse(Cell(2), out var exempt))
        {
            errors.Add(new RegisterCsvError(line, "exempt", "Skal være true eller false."));
        }
        DateOnly? since = null;
        if (Cell(3).Length > 0)
        {
            if (DateOnly.TryParseExact(Cell(3), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) since = date;
            else errors.Add(new RegisterCsvError(line, "since", "Dato skal være ÅÅÅÅ-MM-DD."));
        }
        if (Cell(4).Length > 500) errors.Add(new RegisterCsvError(line, "reason", "Højst 500 tegn."));
        if (Cell(5).Length is 0 or > 200) errors.Add(new RegisterCsvError(line, "source", "Kilde skal udfyldes (højst 200 tegn)."));

        return RecipientId.IsValid(idType, Cell(1))
            ? new RegisterEntry(idType, RecipientId.Normalize(idType, Cell(1)), exempt, since, Cell(4) is { Length: > 0 } r ? r : null, Cell(5))
            : null;
    }

    /// <summary>Splits one line on commas, honouring double quotes ("" inside quotes is a quote).</summary>
    private static List<string> SplitLine(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
