package org.mashlive.wallboard.board;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.mashlive.board.api.Stage;
import org.mashlive.wallboard.RagColumn;

import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;

/** Open referrals by stage (rows) and RAG (columns, each headed by its word), with totals. */
final class StageRagTile extends Tile {

    private final Map<String, NativeTableCell> counts = new HashMap<>();

    StageRagTile() {
        super("stage-rag", "Open referrals by stage and RAG");
        var table = new NativeTable();
        table.addClassName("stage-rag-table");
        var head = table.getHead().addRow();
        head.addHeaderCell().setText("Stage");
        for (var column : RagColumn.values()) {
            var cell = head.addHeaderCell();
            cell.setText(column.label());
            cell.addClassNames("rag-head", "rag-" + column.key());
        }
        head.addHeaderCell().setText("Total");
        var body = table.addBody();
        for (var stage : BoardFigures.STAGES) {
            var row = body.addRow();
            row.addHeaderCell().setText(stage.label());
            for (var column : RagColumn.values()) {
                countCell(row, key(stage) + "-" + column.key()).addClassName("rag-" + column.key());
            }
            countCell(row, key(stage) + "-total").addClassName("total");
        }
        var foot = table.getFoot().addRow();
        foot.addHeaderCell().setText("Total");
        for (var column : RagColumn.values()) {
            countCell(foot, "total-" + column.key()).addClassName("rag-" + column.key());
        }
        countCell(foot, "total-total").addClassName("total");
        add(table);
    }

    private NativeTableCell countCell(NativeTableRow row, String key) {
        var cell = row.addDataCell();
        cell.setId("count-" + key);
        cell.addClassNames("count", "key-figure");
        counts.put(key, cell);
        return cell;
    }

    private static String key(Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    void render(BoardFigures figures, Instant now) {
        for (var stage : BoardFigures.STAGES) {
            for (var column : RagColumn.values()) {
                count(key(stage) + "-" + column.key(), figures.count(stage, column));
            }
            count(key(stage) + "-total", figures.stageTotal(stage));
        }
        for (var column : RagColumn.values()) {
            count("total-" + column.key(), figures.columnTotal(column));
        }
        count("total-total", figures.total());
    }

    private void count(String key, int value) {
        var cell = counts.get(key);
        text(cell, Integer.toString(value));
        cell.setClassName("zero", value == 0);
    }
}
