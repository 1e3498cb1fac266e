using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicPortal.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddShareLogIndexesAndAccountAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgressShares_PatientId",
                table: "ProgressShares");

            migrationBuilder.AddColumn<string>(
                name: "PsychologistId",
                table: "ProgressShares",
                type: "TEXT",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            // Shares saved before this migration take the psychologist from their note.
            migrationBuilder.Sql("UPDATE ProgressShares SET PsychologistId = (SELECT n.PsychologistId FROM ProgressNotes n WHERE n.Id = ProgressShares.NoteId);");

            migrationBuilder.AddColumn<DateTime>(
                name: "DisabledAtUtc",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccountAuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TargetUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountAuditLog", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressShares_PatientId_CreatedAtUtc",
                table: "ProgressShares",
                columns: new[] { "PatientId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressShares_PsychologistId_CreatedAtUtc",
                table: "ProgressShares",
                columns: new[] { "PsychologistId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressShares_Reason_CreatedAtUtc",
                table: "ProgressShares",
                columns: new[] { "Reason", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressShares_Status_CreatedAtUtc",
                table: "ProgressShares",
                columns: new[] { "Status", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountAuditLog_OccurredAtUtc",
                table: "AccountAuditLog",
                column: "OccurredAtUtc");

            migrationBuilder.Sql("""
                CREATE TRIGGER AccountAuditLog_NoUpdate BEFORE UPDATE ON AccountAuditLog
                BEGIN
                    SELECT RAISE(ABORT, 'AccountAuditLog is append-only: entries cannot be updated');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AccountAuditLog_NoDelete BEFORE DELETE ON AccountAuditLog
                BEGIN
                    SELECT RAISE(ABORT, 'AccountAuditLog is append-only: entries cannot be deleted');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER AccountAuditLog_NoDelete;");
            migrationBuilder.Sql("DROP TRIGGER AccountAuditLog_NoUpdate;");

            migrationBuilder.DropTable(
                name: "AccountAuditLog");

            migrationBuilder.DropIndex(
                name: "IX_ProgressShares_PatientId_CreatedAtUtc",
                table: "ProgressShares");

            migrationBuilder.DropIndex(
                name: "IX_ProgressShares_PsychologistId_CreatedAtUtc",
                table: "ProgressShares");

            migrationBuilder.DropIndex(
                name: "IX_ProgressShares_Reason_CreatedAtUtc",
                table: "ProgressShares");

            migrationBuilder.DropIndex(
                name: "IX_ProgressShares_Status_CreatedAtUtc",
                table: "ProgressShares");

            migrationBuilder.DropColumn(
                name: "PsychologistId",
                table: "ProgressShares");

            migrationBuilder.DropColumn(
                name: "DisabledAtUtc",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressShares_PatientId",
                table: "ProgressShares",
                column: "PatientId");
        }
    }
}
